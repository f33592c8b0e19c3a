namespace PtHub.Grains.Contracts;

/// <summary>
/// One per web node: a clinic-day grain tells it of every change to a live view. One-way, so a slow or dead
/// node never holds up the grain or the other nodes.
/// </summary>
[Alias("PtHub.IDashboardObserver")]
public interface IDashboardObserver : IGrainObserver
{
    [Alias("OnBoardChanged"), OneWay]
    Task OnBoardChanged(BoardDelta delta);

    [Alias("OnLobbyChanged"), OneWay]
    Task OnLobbyChanged(LobbyView lobby);

    [Alias("OnManagerChanged"), OneWay]
    Task OnManagerChanged(ManagerView manager);

    [Alias("OnScheduleChanged"), OneWay]
    Task OnScheduleChanged(ScheduleDelta delta);

    /// <summary>The display's token was revoked: close its connections now.</summary>
    [Alias("OnDisplayRevoked"), OneWay]
    Task OnDisplayRevoked(string clinicId, string displayId);
}
