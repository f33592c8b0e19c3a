using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections.Client;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>
/// Two clinics (A and B) with real data in A, and one signed-in session per role: A's administrator, manager,
/// front desk and therapist (therapist "ann"), B's front desk, a paired display of A, and nobody.
/// </summary>
public sealed class SecuredClinic : IDisposable
{
    private SecuredClinic(AppNode node, ApiClinic clinic, ApiClinic other) => (Node, Clinic, Other) = (node, clinic, other);

    public AppNode Node { get; }

    public ApiClinic Clinic { get; }

    public ApiClinic Other { get; }

    public StaffClient Manager { get; private set; } = null!;

    public StaffClient FrontDesk { get; private set; } = null!;

    /// <summary>Therapist "ann" of clinic A.</summary>
    public StaffClient Therapist { get; private set; } = null!;

    /// <summary>The front desk of clinic B.</summary>
    public StaffClient OtherDesk { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Clinic A's paired lobby display, presenting its token as a bearer token.</summary>
    public HttpClient Display { get; private set; } = null!;

    public string DisplayId { get; private set; } = "";

    public string DisplayToken { get; private set; } = "";

    public string PatientId { get; private set; } = "";

    /// <summary>A visit of A with therapist "ann".</summary>
    public string AnnVisitId { get; private set; } = "";

    /// <summary>A visit of A with therapist "bob".</summary>
    public string BobVisitId { get; private set; } = "";

    public static async Task<SecuredClinic> CreateAsync(AppNode node)
    {
        var secured = new SecuredClinic(node, await ApiClinic.CreateAsync(node.Http), await ApiClinic.CreateAsync(node.Http));
        await secured.InitializeAsync();
        return secured;
    }

    private async Task InitializeAsync()
    {
        PatientId = await Clinic.AddPatientAsync();
        AnnVisitId = await Clinic.BookAsync(PatientId, "ann");
        BobVisitId = await Clinic.BookAsync(await Clinic.AddPatientAsync("Tom", "Bob"), "bob");
        Manager = await Node.SignInAsNewAsync(StaffRole.Manager, [Clinic.Id]);
        FrontDesk = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [Clinic.Id]);
        Therapist = await Node.SignInAsNewAsync(StaffRole.Therapist, [Clinic.Id], "ann");
        OtherDesk = await Node.SignInAsNewAsync(StaffRole.FrontDesk, [Other.Id]);
        Anonymous = new HttpClient { BaseAddress = Node.BaseAddress };
        (DisplayId, DisplayToken) = await PairDisplayAsync(Clinic.Id);
        Display = new HttpClient { BaseAddress = Node.BaseAddress };
        Display.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DisplayToken);
    }

    public async Task<(string DisplayId, string Token)> PairDisplayAsync(string clinicId)
    {
        var (displayId, token, _) = await Node.PairDisplayAsync(clinicId);
        return (displayId, token);
    }

    /// <summary>A SignalR connection that presents a display token, as the lobby page does.</summary>
    public static Action<HttpConnectionOptions> WithToken(string token) => o => o.AccessTokenProvider = () => Task.FromResult<string?>(token);

    public void Dispose()
    {
        Manager.Dispose();
        FrontDesk.Dispose();
        Therapist.Dispose();
        OtherDesk.Dispose();
        Anonymous.Dispose();
        Display.Dispose();
    }
}
