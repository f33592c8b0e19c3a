using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
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
        string clinicId, string therapistId, DateOnly? date, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (date is { } asked && !DateWindow.Contains(asked, time.GetUtcNow()))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["date"] = [DateWindow.Message("date")] });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config || config.FindTherapist(therapistId) is not { } therapist)
        {
            return Problems.NotFound($"No therapist '{therapistId}' in clinic '{clinicId}'.");
        }

        var day = date ?? config.LocalDate(time.GetUtcNow());
        var dayGrain = grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, day));
        var board = await dayGrain.GetBoard();
        var late = await dayGrain.GetRunningLate(therapistId);
        var visits = board.Rows.Where(r => r.TherapistId == therapistId).OrderBy(r => r.ScheduledStart).Select(TherapistVisit.Of).ToList();
        return TypedResults.Ok(new TherapistDay(clinicId, therapistId, therapist.DisplayName, day, late, visits));
    }
}
