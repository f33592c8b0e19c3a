using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Silo.Messaging;
using PtHub.Tests.Api;

namespace PtHub.Tests.Communication;

/// <summary>
/// A clinic on a <see cref="CommsNode"/> whose clock reads 09:00 tomorrow in New York, with offers turned on, quiet
/// hours off, and an opening with Ann (a follow-up booked for <see cref="Start"/> and cancelled), waiting to be offered.
/// </summary>
public sealed class OfferScene
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private OfferScene(CommsNode comms, ApiClinic clinic, DateOnly day, DateTimeOffset start, string openingId) =>
        (Comms, Clinic, Day, Start, OpeningId) = (comms, clinic, day, start, openingId);

    public CommsNode Comms { get; }

    public ApiClinic Clinic { get; }

    public DateOnly Day { get; }

    public DateTimeOffset Start { get; }

    public string OpeningId { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => Comms.Node.Http;

    private string Offers => $"/api/clinics/{Clinic.Id}/openings/{OpeningId}/offers";

    /// <summary>09:00 tomorrow (clinic time) plus <paramref name="minutes"/>.</summary>
    public static DateTimeOffset Tomorrow(double minutes = 0)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(1);
        var nine = day.ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(nine, NewYork.GetUtcOffset(nine)).AddMinutes(minutes);
    }

    /// <summary>
    /// The scene on a new clinic of <paramref name="comms"/>; the opening starts <paramref name="startInMinutes"/> after the
    /// clock's now. <paramref name="beforeFreed"/> runs once the visit is booked and before it is cancelled (to fill the
    /// waitlist first, for automatic offers).
    /// </summary>
    public static async Task<OfferScene> CreateAsync(CommsNode comms, int waveSize, int waveMinutes, int stopBeforeMinutes, int startInMinutes,
        string therapistId = "ann", bool automatic = false, Func<OfferScene, Task>? beforeFreed = null)
    {
        var clinic = await comms.ClinicAsync();
        using (var settings = await comms.Node.Http.PutAsJsonAsync($"/api/clinics/{clinic.Id}/messaging", new
        {
            remindersEnabled = false, reminderLeadHours = new[] { 2.0 }, quietFrom = "00:00", quietUntil = "00:00",
            offers = new { enabled = true, waveSize, waveMinutes, stopBeforeMinutes, automatic },
        }, Ct))
        {
            Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync(Ct));
        }

        var start = comms.Clock.GetUtcNow().AddMinutes(startInMinutes);
        var freed = await comms.BookAsync(clinic, await comms.PatientAsync(clinic, phone: null, email: "first@example.test"), start, therapistId);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, NewYork).DateTime);
        var scene = new OfferScene(comms, clinic, day, start, freed);
        if (beforeFreed is not null)
        {
            await beforeFreed(scene);
        }

        (await clinic.CommandAsync(freed, "cancel", new { reason = "Patient called" })).EnsureSuccessStatusCode();
        return scene;
    }

    /// <summary>A patient waiting for any time with Ann (priority as given), reached by e-mail only; the waitlist entry's id.</summary>
    public async Task<(string PatientId, string EntryId)> WaitingAsync(string first, string last, int priority, string? email = null, string? phone = null)
    {
        using var created = await Http.PostAsJsonAsync($"/api/clinics/{Clinic.Id}/patients",
            new { firstName = first, lastName = last, birthDate = "1970-03-04", phone, email = email ?? (phone is null ? $"{first.ToLowerInvariant()}@example.test" : null), confirmedNew = true }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var patientId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
        using var waiting = await Http.PostAsJsonAsync($"/api/clinics/{Clinic.Id}/waitlist", new { patientId, visitType = "follow-up", therapistId = "ann", priority }, Ct);
        Assert.True(waiting.IsSuccessStatusCode, await waiting.Content.ReadAsStringAsync(Ct));
        return (patientId, (await waiting.Content.ReadFromJsonAsync<JsonObject>(Ct))!["entryId"]!.GetValue<string>());
    }

    public async Task<OfferView> StartAsync()
    {
        using var response = await Http.PostAsJsonAsync(Offers, new { date = Day }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OfferView>(LiveClientJson, Ct))!;
    }

    public async Task<OfferView> GetAsync() => (await Http.GetFromJsonAsync<OfferView>(Offers, LiveClientJson, Ct))!;

    public async Task<OfferView> StopAsync()
    {
        using var response = await Http.PostAsync($"{Offers}/stop", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OfferView>(LiveClientJson, Ct))!;
    }

    /// <summary>The opening as the board of its day shows it.</summary>
    public async Task<JsonObject?> BoardOpeningAsync()
    {
        var board = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{Clinic.Id}/board?date={Day:yyyy-MM-dd}", Ct))!;
        return board["openings"]?.AsArray().Select(o => o!.AsObject()).FirstOrDefault(o => o["opening"]!["openingId"]!.GetValue<string>() == OpeningId);
    }

    /// <summary>The board's visits of the opening's start and therapist.</summary>
    public async Task<IReadOnlyList<JsonObject>> VisitsInSlotAsync()
    {
        var board = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{Clinic.Id}/board?date={Day:yyyy-MM-dd}", Ct))!;
        return [.. board["rows"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => r["scheduledStart"]!.GetValue<DateTimeOffset>() == Start && r["status"]!.GetValue<string>() == "booked")];
    }

    /// <summary>A token as the outbox signs one into an offer, for the entry given (the node's own key).</summary>
    public Task<string> SignAsync(string entryId, int run = 1, string? clinicId = null, DateTimeOffset? expires = null, string? openingId = null) =>
        Comms.Node.Services.GetRequiredService<PatientLinkSigner>().SignOfferAsync(
            new OfferLink(clinicId ?? Clinic.Id, openingId ?? OpeningId, run, entryId, expires ?? Start.AddHours(-1)));

    public async Task<HttpResponseMessage> LinkAsync(string action, string? token)
    {
        using var anonymous = new HttpClient { BaseAddress = Comms.Node.BaseAddress };
        return await anonymous.PostAsJsonAsync($"/api/offer-links/{action}", new { token }, Ct);
    }

    public static System.Text.Json.JsonSerializerOptions LiveClientJson => PtHub.Tests.Infrastructure.LiveClient.Json;
}
