using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The lists that keep patients on plan (<see cref="WorklistScan"/>), for the clinic's managers: each row links to the
/// patient's profile and can be marked done, which keeps it off its list until its condition changes.
/// </summary>
internal static class WorklistEndpoints
{
    public static RouteGroupBuilder MapWorklistEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/worklists", Get).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Audited("worklist.read")
            .WithSummary("Patients dropped off their plan, authorizations nearly used up, recertifications and progress reports due, tomorrow's unverified coverage");
        api.MapPost("/clinics/{clinicId}/worklists/done/{patientId}", MarkDone).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Audited("worklist.done")
            .WithSummary("Mark a worklist row of the patient done: it leaves its list until its condition changes");
        return api;
    }

    private static async Task<Results<Ok<Worklists>, ProblemHttpResult>> Get(string clinicId, IGrainFactory grains, HttpContext http, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var found = await WorklistScan.RunAsync(clinicId, config, config.LocalDate(time.GetUtcNow()), grains);
        http.DisclosePatients(found.Select(f => f.Row.PatientId));
        return TypedResults.Ok(Lists(found, await grains.GetGrain<IClinicWorklistGrain>(clinicId).GetDone()));
    }

    private static async Task<Results<Ok<Worklists>, ValidationProblem, ProblemHttpResult>> MarkDone(
        string clinicId, string patientId, WorklistDoneBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.RowKey))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["rowKey"] = ["rowKey (the row's key from the worklists) is required."] });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var now = time.GetUtcNow();
        var found = await WorklistScan.RunAsync(clinicId, config, config.LocalDate(now), grains);
        if (found.FirstOrDefault(f => f.Row.Key == body.RowKey && f.Row.PatientId == patientId) is not { } row)
        {
            return Problems.NotFound($"No row '{body.RowKey}' of patient '{patientId}' on the worklists of clinic '{clinicId}' now.");
        }

        var worklist = grains.GetGrain<IClinicWorklistGrain>(clinicId);
        await worklist.MarkDone(new(row.Row.Key, row.Condition, Actor.Of(context), now), [.. found.Select(f => f.Row.Key)]);
        return TypedResults.Ok(Lists(found, await worklist.GetDone()));
    }

    private static Worklists Lists(IReadOnlyList<WorklistScan.Found> found, IReadOnlyList<WorklistDoneMark> marks)
    {
        var done = marks.ToDictionary(m => m.RowKey, StringComparer.Ordinal);
        bool IsDone(WorklistScan.Found f) => done.TryGetValue(f.Row.Key, out var mark) && mark.Condition == f.Condition;
        var open = found.Where(f => !IsDone(f)).ToLookup(f => f.List);
        List<WorklistRow> Of(string list) =>
            [.. open[list].Select(f => f.Row).OrderBy(r => r.PatientName, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)];
        return new(Of(WorklistScan.DroppedOff), Of(WorklistScan.AuthorizationsLow), Of(WorklistScan.RecertificationDue),
            Of(WorklistScan.ProgressReportsDue), Of(WorklistScan.UnverifiedTomorrow),
            [.. found.Where(IsDone).Select(f => new WorklistDoneRow(f.List, f.Row, done[f.Row.Key].By, done[f.Row.Key].At)).OrderByDescending(d => d.DoneAt)]);
    }
}
