using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's OSHA-300-style injury and illness log: managers and administrators only. It is employees' health
/// information, so every read and export is audited like every change, although it names no patient.
/// </summary>
internal static class InjuryLogEndpoints
{
    public static RouteGroupBuilder MapInjuryLogEndpoints(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/clinics/{clinicId}").WithTags("Compliance").RequireAuthorization(AccessPolicies.Manager);
        log.MapGet("/injury-log", Year).Audited("injury-log.read")
            .WithSummary("One calendar year of the injury and illness log (?year=, default the clinic's this year) with its OSHA 300 totals");
        log.MapGet("/injury-log.csv", Csv).Audited("injury-log.export").WithSummary("The year's log as CSV in the OSHA 300 columns");
        log.MapPost("/injury-log", Record).Audited("injury-log.add").WithSummary("Record a work-related injury or illness under the next case number");
        log.MapPut("/injury-log/{caseId}", Change).Audited("injury-log.update").WithSummary("Correct a case; its number stays");
        return api;
    }

    /// <summary>The year asked for (the clinic's own this year by default), from the OSHA Act's first year to this one.</summary>
    private static async Task<Results<Ok<InjuryLogYear>, ValidationProblem, ProblemHttpResult>> Year(
        string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var thisYear = config.LocalDate(time.GetUtcNow()).Year;
        if (year is < 1971 || year > thisYear)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["year"] = [$"year is from 1971 to {thisYear}."] });
        }

        var chosen = year ?? thisYear;
        var cases = await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).List(chosen);
        return TypedResults.Ok(new InjuryLogYear(chosen, [.. cases], InjuryLogTotals.Of([.. cases])));
    }

    private static async Task<IResult> Csv(string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var read = await Year(clinicId, year, grains, time);
        if (read.Result is not Ok<InjuryLogYear> { Value: { } log })
        {
            return read.Result;
        }

        var csv = new StringBuilder("case,employee,job title,date,where,description,outcome,days away,days restricted\n");
        foreach (var entry in log.Cases)
        {
            var d = entry.Details;
            csv.AppendJoin(',', entry.CaseNumber.ToString(CultureInfo.InvariantCulture), ChargeEndpoints.Cell(d.Person), ChargeEndpoints.Cell(d.JobTitle ?? ""),
                d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ChargeEndpoints.Cell(d.Where ?? ""), ChargeEndpoints.Cell(d.Description),
                OutcomeWords(d.Outcome), d.DaysAway.ToString(CultureInfo.InvariantCulture), d.DaysRestricted.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"injury-log-{clinicId}-{log.Year}.csv");
    }

    private static async Task<Results<Created<InjuryCase>, ValidationProblem, ProblemHttpResult>> Record(
        string clinicId, InjuryCaseBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate(config.LocalDate(time.GetUtcNow())) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var entry = await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).Record(body.ToSpec(), Actor.Of(context));
        return TypedResults.Created($"/api/clinics/{clinicId}/injury-log/{entry.CaseId}", entry);
    }

    private static async Task<Results<Ok<InjuryCase>, ValidationProblem, ProblemHttpResult>> Change(
        string clinicId, string caseId, InjuryCaseBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate(config.LocalDate(time.GetUtcNow())) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var change = await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).Change(caseId, body.ToSpec(), Actor.Of(context));
        return change.Case is { } entry ? TypedResults.Ok(entry) : Problems.From(change.Refusal!);
    }

    private static string OutcomeWords(InjuryOutcome outcome) => outcome switch
    {
        InjuryOutcome.Death => "death",
        InjuryOutcome.DaysAway => "days away from work",
        InjuryOutcome.JobTransferOrRestriction => "job transfer or restriction",
        _ => "other recordable case",
    };
}
