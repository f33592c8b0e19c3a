using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Security;

/// <summary>Each role gets the patient information its work needs, in its own clinics only.</summary>
[Collection(NodeCollection.Name)]
public sealed class MinimumNecessaryTests(NodeFixture fixture)
{
    private AppNode Node => fixture.Node;

    [Fact]
    public async Task ATherapistReadsTheirOwnVisitButNotAColleagues()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var api = $"/api/clinics/{secured.Clinic.Id}/visits";

        using var own = await secured.Therapist.Http.GetAsync($"{api}/{secured.AnnVisitId}", TestContext.Current.CancellationToken);
        using var colleagues = await secured.Therapist.Http.GetAsync($"{api}/{secured.BobVisitId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, colleagues.StatusCode);
    }

    [Fact]
    public async Task ATherapistTreatsOnlyTheirOwnPatientsAndLeavesTheDeskStepsToTheDesk()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var api = $"/api/clinics/{secured.Clinic.Id}/visits";
        foreach (var visit in new[] { secured.AnnVisitId, secured.BobVisitId })
        {
            (await secured.FrontDesk.Http.PostAsync($"{api}/{visit}/arrive", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            (await secured.FrontDesk.Http.PostAsync($"{api}/{visit}/check-in", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        using var checkOut = await secured.Therapist.Http.PostAsync($"{api}/{secured.AnnVisitId}/check-out", null, TestContext.Current.CancellationToken);
        using var startColleagues = await secured.Therapist.Http.PostAsJsonAsync($"{api}/{secured.BobVisitId}/start", new { roomId = "gym" }, TestContext.Current.CancellationToken);
        using var startOwn = await secured.Therapist.Http.PostAsJsonAsync($"{api}/{secured.AnnVisitId}/start", new { roomId = "room-1" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, checkOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, startColleagues.StatusCode);
        Assert.Equal(HttpStatusCode.OK, startOwn.StatusCode);
        var bob = await secured.Clinic.VisitAsync(secured.BobVisitId);
        Assert.Equal("checked-in", bob["visit"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATherapistsDayShowsOnlyTheirOwnPatientsWithoutBilling()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var api = $"/api/clinics/{secured.Clinic.Id}/therapists";

        var own = await secured.Therapist.Http.GetFromJsonAsync<JsonObject>($"{api}/ann/day", TestContext.Current.CancellationToken);
        using var colleagues = await secured.Therapist.Http.GetAsync($"{api}/bob/day", TestContext.Current.CancellationToken);
        using var desk = await secured.FrontDesk.Http.GetAsync($"{api}/ann/day", TestContext.Current.CancellationToken);

        var visits = own!["visits"]!.AsArray();
        Assert.Equal([secured.AnnVisitId], visits.Select(v => v!["visitId"]!.GetValue<string>()));
        Assert.Equal("Moreno, Rita", visits[0]!["patientName"]!.GetValue<string>());
        Assert.DoesNotContain("alerts", own.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("copay", own.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, colleagues.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
    }

    [Fact]
    public async Task ATherapistRunsLateOnlyForThemselves()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var api = $"/api/clinics/{secured.Clinic.Id}/therapists";

        using var own = await secured.Therapist.Http.PutAsJsonAsync($"{api}/ann/running-late", new { minutes = 10 }, TestContext.Current.CancellationToken);
        using var colleague = await secured.Therapist.Http.PutAsJsonAsync($"{api}/bob/running-late", new { minutes = 10 }, TestContext.Current.CancellationToken);

        Assert.True(own.IsSuccessStatusCode, $"{(int)own.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
    }

    [Fact]
    public async Task TheBoardAndUtilizationAreForTheDeskAndManagersNotForTherapists()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var id = secured.Clinic.Id;

        await using var deskBoard = await LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Board, secured.FrontDesk.Authenticate);
        await using var managerView = await LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Manager, secured.Manager.Authenticate);
        await using var therapistLobby = await LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Lobby, secured.Therapist.Authenticate);

        Assert.NotEmpty(deskBoard.Rows);
        Assert.NotNull(managerView.Manager);
        Assert.NotNull(therapistLobby.Lobby);
        await Assert.ThrowsAsync<HubException>(() => LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Board, secured.Therapist.Authenticate));
        await Assert.ThrowsAsync<HubException>(() => LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Manager, secured.Therapist.Authenticate));
    }

    [Fact]
    public async Task AnotherClinicsVisitIdUsedAsACommandIdRevealsAndAttachesNothing()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var commandId = Guid.NewGuid();
        var booked = await Node.Http.PostAsJsonAsync($"/api/clinics/{secured.Other.Id}/visits", new
        {
            patientId = await secured.Other.AddPatientAsync("Bea", "Other"), therapistId = "ann", visitType = "follow-up",
            scheduledStart = DateTimeOffset.UtcNow.AddHours(1), commandId,
        }, TestContext.Current.CancellationToken);
        booked.EnsureSuccessStatusCode();
        var otherVisit = commandId.ToString("N");
        var desk = secured.FrontDesk.Http;

        using var replayed = await desk.PostAsJsonAsync($"/api/clinics/{secured.Clinic.Id}/visits/{otherVisit}/arrive", new { commandId }, TestContext.Current.CancellationToken);
        using var walkIn = await desk.PostAsJsonAsync($"/api/clinics/{secured.Clinic.Id}/walk-ins",
            new { patientId = secured.PatientId, therapistId = "bob", visitType = "follow-up", commandId }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, walkIn.StatusCode);
        Assert.DoesNotContain(otherVisit, await secured.Clinic.BoardRowsAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Other", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveConnectionFromAnotherOriginIsRefusedEvenWithASession()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);

        await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Board, o =>
        {
            secured.FrontDesk.Authenticate(o);
            o.Headers["Origin"] = "https://evil.example";
        }));
        await using var sameOrigin = await LiveClient.ConnectAsync(Node.BaseAddress, secured.Clinic.Id, DashboardView.Board, o =>
        {
            secured.FrontDesk.Authenticate(o);
            o.Headers["Origin"] = Node.BaseAddress.GetLeftPart(UriPartial.Authority);
        });
        Assert.NotEmpty(sameOrigin.Rows);
    }

    [Fact]
    public async Task StaffOfOneClinicSeeNothingOfAnother()
    {
        using var secured = await SecuredClinic.CreateAsync(Node);
        var id = secured.Clinic.Id;

        using var board = await secured.OtherDesk.Http.GetAsync($"/api/clinics/{id}/board", TestContext.Current.CancellationToken);
        using var patient = await secured.OtherDesk.Http.GetAsync($"/api/clinics/{id}/patients/{secured.PatientId}", TestContext.Current.CancellationToken);
        var clinics = await secured.OtherDesk.Http.GetFromJsonAsync<JsonArray>("/api/clinics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patient.StatusCode);
        Assert.Equal([secured.Other.Id], clinics!.Select(c => c!["clinicId"]!.GetValue<string>()));
        await Assert.ThrowsAsync<HubException>(() => LiveClient.ConnectAsync(Node.BaseAddress, id, DashboardView.Lobby, secured.OtherDesk.Authenticate));
    }
}
