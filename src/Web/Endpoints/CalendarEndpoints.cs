using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A therapist's read-only iCalendar feed. Calendar apps cannot send headers, so the feed is reached by a secret
/// token in its URL; staff issue and revoke it here.
/// </summary>
internal static class CalendarEndpoints
{
    private const int DaysBack = 7;
    private const int DaysAhead = 28;

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/clinics/{clinicId}/therapists/{therapistId}").WithTags("Calendar");
        calendar.MapPost("/calendar-token", IssueToken).RequireAuthorization(AccessPolicies.TherapistSelf).Audited("calendar.token-issue")
            .WithSummary("Issue the therapist's calendar feed token, shown once; the previous one stops working");
        calendar.MapDelete("/calendar-token", RevokeToken).RequireAuthorization(AccessPolicies.TherapistSelf).Audited("calendar.token-revoke").WithSummary("Revoke the therapist's calendar feed token");
        calendar.MapGet("/calendar.ics", GetFeed).AllowAnonymous().Audited("calendar.read").Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary($"The therapist's visits from {DaysBack} days ago to {DaysAhead} days ahead as iCalendar, patients by initials");
        return api;
    }

    private static async Task<Results<Created<CalendarTokenResponse>, ProblemHttpResult>> IssueToken(
        string clinicId, string therapistId, IGrainFactory grains, HttpResponse response)
    {
        var therapist = grains.GetGrain<ITherapistGrain>(GrainKeys.Therapist(clinicId, therapistId));
        if (await therapist.GetProfile() is null)
        {
            return NoTherapist(clinicId, therapistId);
        }

        var token = await therapist.IssueFeedToken();
        response.Headers.CacheControl = "no-store";
        var feedUrl = $"/api/clinics/{Uri.EscapeDataString(clinicId)}/therapists/{Uri.EscapeDataString(therapistId)}/calendar.ics?token={token}";
        // No Location header: it would carry the token into logs and proxies that keep headers but not bodies.
        return TypedResults.Created((string?)null, new CalendarTokenResponse(token, feedUrl));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(string clinicId, string therapistId, IGrainFactory grains)
    {
        var therapist = grains.GetGrain<ITherapistGrain>(GrainKeys.Therapist(clinicId, therapistId));
        if (await therapist.GetProfile() is null)
        {
            return NoTherapist(clinicId, therapistId);
        }

        await therapist.RevokeFeedToken();
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetFeed(
        string clinicId, string therapistId, string? token, IGrainFactory grains, HttpContext http, HttpResponse response,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var therapist = grains.GetGrain<ITherapistGrain>(GrainKeys.Therapist(clinicId, therapistId));
        // One answer for every failure, so the feed URL does not tell who works at the clinic.
        if (string.IsNullOrEmpty(token) || !await therapist.CheckFeedToken(token)
            || await therapist.GetProfile() is not { } profile
            || await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound("No calendar feed at this address.");
        }

        var now = time.GetUtcNow();
        var today = config.LocalDate(now);
        var boards = await Task.WhenAll(Enumerable.Range(-DaysBack, DaysBack + DaysAhead + 1).Select(offset =>
            grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, today.AddDays(offset))).GetBoard()));
        var visits = boards.SelectMany(board => board.Rows)
            .Where(row => row.TherapistId == therapistId && CalendarFeed.Lists(row.Status))
            .ToList();
        var patients = await Task.WhenAll(visits.Select(v => v.PatientId).Distinct()
            .Select(id => grains.GetGrain<IPatientGrain>(id).Get()));

        http.DisclosePatients(visits.Select(v => v.PatientId));
        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(
            CalendarFeed.Write($"{profile.DisplayName} – {config.Name}", visits,
                patients.OfType<PatientRecord>().ToDictionary(p => p.PatientId, p => p.Details), now),
            CalendarFeed.ContentType);
    }

    private static ProblemHttpResult NoTherapist(string clinicId, string therapistId) =>
        Problems.NotFound($"No therapist '{therapistId}' in clinic '{clinicId}'.");
}
