using PtHub.Grains;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A therapist's own day (minimum necessary: only their patients, no insurance or billing), for their screen: who is
/// waiting for them and in which room.
/// </summary>
internal static class TherapistDayEndpoints
{
    public static RouteGroupBuilder MapTherapistDayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/therapists/{therapistId}/day", GetDay).WithTags("Scheduling")
            .RequireAuthorization(AccessPolicies.TherapistSelf).Audited("therapist-day.read")
            .WithSummary("A therapist's visits of a day (default: today), for their own screen");
        return api;
    }

    private static async Task<Results<Ok<TherapistDay>, ValidationProblem, ProblemHttpResult>> GetDay(
        string clinicId, string therapistId, DateOnly? date, IGrainFactory grains, HttpContext http, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var notFound = $"No therapist '{therapistId}' in clinic '{clinicId}'.";
        var (clinicDay, invalid, missing) = await new ClinicDayQuery(clinicId, date, grains, time).ResolveAsync(notFound);
        if (invalid is not null)
        {
            return invalid;
        }

        if (clinicDay is null || clinicDay.Config.FindTherapist(therapistId) is not { } therapist)
        {
            return missing ?? Problems.NotFound(notFound);
        }

        var day = clinicDay.Date;
        var dayGrain = clinicDay.Live;
        var board = await dayGrain.GetBoard();
        var late = await dayGrain.GetRunningLate(therapistId);
        var rows = board.Rows.Where(r => r.TherapistId == therapistId).OrderBy(r => r.ScheduledStart).ToList();
        http.DisclosePatients(rows.Select(r => r.PatientId));
        var visits = rows.Select(TherapistVisit.Of).ToList();
        return TypedResults.Ok(new TherapistDay(clinicId, therapistId, therapist.DisplayName, day, late, visits));
    }
}
