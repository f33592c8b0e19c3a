namespace PtHub.Bench;

internal enum View
{
    Board,
    Lobby,
    Manager,
}

/// <summary>One screen: which clinic it watches, which view, and its index among that clinic's screens of the view.</summary>
internal sealed record ClientSpec(int Clinic, View View, int Index);

/// <summary>
/// How the clients spread over the clinics, the same for both systems: as even as possible, and within a clinic
/// 40% board, 30% lobby, 30% manager (at least one board screen per clinic that has any screen).
/// </summary>
internal sealed class ClientLayout
{
    private ClientLayout(int clinics, List<ClientSpec> clients)
    {
        Clinics = clinics;
        Clients = clients;
        ViewClients = new int[clinics, 3];
        foreach (var client in clients)
        {
            ViewClients[client.Clinic, (int)client.View]++;
        }
    }

    public int Clinics { get; }

    /// <summary>In connection order: interleaved over the clinics.</summary>
    public IReadOnlyList<ClientSpec> Clients { get; }

    /// <summary>[clinic, view]: how many screens of that view the clinic has.</summary>
    public int[,] ViewClients { get; }

    public int Count(View view) => Clients.Count(c => c.View == view);

    public int BoardClients(int clinic) => ViewClients[clinic, (int)View.Board];

    public int MaxBoardClientsPerClinic => Enumerable.Range(0, Clinics).Max(BoardClients);

    public static ClientLayout Create(int clinics, int clients)
    {
        var perClinic = new List<ClientSpec>[clinics];
        for (var c = 0; c < clinics; c++)
        {
            var n = clients / clinics + (c < clients % clinics ? 1 : 0);
            var board = n == 0 ? 0 : Math.Max(1, (int)Math.Round(n * 0.4, MidpointRounding.AwayFromZero));
            var lobby = Math.Min(n - board, (int)Math.Round(n * 0.3, MidpointRounding.AwayFromZero));
            var manager = n - board - lobby;
            perClinic[c] =
            [
                .. Enumerable.Range(0, board).Select(i => new ClientSpec(c, View.Board, i)),
                .. Enumerable.Range(0, lobby).Select(i => new ClientSpec(c, View.Lobby, i)),
                .. Enumerable.Range(0, manager).Select(i => new ClientSpec(c, View.Manager, i)),
            ];
        }

        var ordered = new List<ClientSpec>(clients);
        for (var i = 0; ordered.Count < clients; i++)
        {
            ordered.AddRange(perClinic.Where(list => i < list.Count).Select(list => list[i]));
        }

        return new ClientLayout(clinics, ordered);
    }
}
