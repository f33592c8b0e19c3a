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
        log.MapGet("/injury-log/summary", Summary).Audited("injury-log.summary")
            .WithSummary("The year's annual summary (OSHA 300A shape): cases by outcome and type, days, average employees, hours worked, rates");
        log.MapGet("/injury-log/summary.csv", SummaryCsv).Audited("injury-log.summary-export").WithSummary("The year's annual summary as CSV");
        log.MapPut("/injury-log/summary", PutSummary).Audited("injury-log.summary.update")
            .WithSummary("Enter the year's annual average number of employees and total hours worked");
        log.MapGet("/injury-log/people/{staffId}", Person).Audited("injury-log.person")
            .WithSummary("Every case, of every year, linked to one person on the roster");
        return api;
    }

    /// <summary>The year asked for (the clinic's own this year by default), from the OSHA Act's first year to this one.</summary>
    private static async Task<Results<Ok<InjuryLogYear>, ValidationProblem, ProblemHttpResult>> Year(
        string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var chosen = await ChosenYearAsync(clinicId, year, grains, time);
        if (chosen.NotFound is { } notFound)
        {
            return notFound;
        }

        if (chosen.Invalid is { } invalid)
        {
            return invalid;
        }

        var cases = await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).List(chosen.Year);
        return TypedResults.Ok(new InjuryLogYear(chosen.Year, [.. cases], InjuryLogTotals.Of([.. cases])));
    }

    private static async Task<Results<Ok<InjuryLogSummary>, ValidationProblem, ProblemHttpResult>> Summary(
        string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var chosen = await ChosenYearAsync(clinicId, year, grains, time);
        if (chosen.NotFound is { } notFound)
        {
            return notFound;
        }

        if (chosen.Invalid is { } invalid)
        {
            return invalid;
        }

        var log = grains.GetGrain<IClinicInjuryLogGrain>(clinicId);
        return TypedResults.Ok(InjuryLogSummary.Of(chosen.Year, [.. await log.List(chosen.Year)], await log.Establishment(chosen.Year)));
    }

    private static async Task<IResult> SummaryCsv(string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var read = await Summary(clinicId, year, grains, time);
        if (read.Result is not Ok<InjuryLogSummary> { Value: { } summary })
        {
            return read.Result;
        }

        var t = summary.Totals;
        var e = summary.Establishment;
        static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string R(decimal? rate) => rate?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
        var csv = new StringBuilder("figure,value\n");
        foreach (var (figure, value) in new (string, string)[]
        {
            ("year", N(summary.Year)), ("total cases", N(t.Cases)), ("deaths", N(t.Deaths)), ("cases with days away from work", N(t.DaysAwayCases)),
            ("cases with job transfer or restriction", N(t.JobTransferOrRestrictionCases)), ("other recordable cases", N(t.OtherRecordableCases)),
            ("days away from work", N(t.DaysAway)), ("days of job transfer or restriction", N(t.DaysRestricted)),
            ("injuries", N(t.Injuries)), ("skin disorders", N(t.SkinDisorders)), ("respiratory conditions", N(t.RespiratoryConditions)),
            ("poisonings", N(t.Poisonings)), ("hearing loss", N(t.HearingLosses)), ("all other illnesses", N(t.AllOtherIllnesses)),
            ("annual average number of employees", e is null ? "" : N(e.AverageEmployees)), ("total hours worked by all employees", e is null ? "" : N(e.HoursWorked)),
            ("total recordable case rate", R(summary.TotalRecordableRate)), ("days away, restricted or transferred rate", R(summary.DaysAwayRestrictedRate)),
        })
        {
            csv.Append(ChargeEndpoints.Cell(figure)).Append(',').Append(value).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"injury-summary-{clinicId}-{summary.Year}.csv");
    }

    private static async Task<Results<Ok<InjuryLogSummary>, ValidationProblem, ProblemHttpResult>> PutSummary(
        string clinicId, InjurySummaryBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate(config.LocalDate(time.GetUtcNow()).Year) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var log = grains.GetGrain<IClinicInjuryLogGrain>(clinicId);
        var year = body.Year!.Value;
        var entered = await log.SetEstablishment(year, body.AverageEmployees!.Value, body.HoursWorked!.Value, Actor.Of(context));
        return TypedResults.Ok(InjuryLogSummary.Of(year, [.. await log.List(year)], entered));
    }

    private static async Task<Results<Ok<InjuryPersonCases>, ProblemHttpResult>> Person(string clinicId, string staffId, IGrainFactory grains) =>
        (await grains.GetGrain<IClinicStaffGrain>(clinicId).List()).FirstOrDefault(m => m.StaffId == staffId) is { } member
            ? TypedResults.Ok(new InjuryPersonCases(staffId, member.Name, [.. await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).ListOf(staffId)]))
            : Problems.NotFound($"No one '{staffId}' on the roster.");

    /// <summary>The year asked for (the clinic's own this year by default), or why it cannot be read.</summary>
    private static async Task<(int Year, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> ChosenYearAsync(
        string clinicId, int? year, IGrainFactory grains, TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return (0, null, Problems.NotFound($"No clinic '{clinicId}'."));
        }

        var thisYear = config.LocalDate(time.GetUtcNow()).Year;
        return year is < 1971 || year > thisYear
            ? (0, Problems.Invalid(new Dictionary<string, string[]> { ["year"] = [$"year is from 1971 to {thisYear}."] }), null)
            : (year ?? thisYear, null, null);
    }

    private static async Task<IResult> Csv(string clinicId, int? year, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var read = await Year(clinicId, year, grains, time);
        if (read.Result is not Ok<InjuryLogYear> { Value: { } log })
        {
            return read.Result;
        }

        // A privacy concern case is logged without the name (29 CFR 1904.29(b)(6)): the export is the log others may see.
        var csv = new StringBuilder("case,employee,job title,date,where,description,outcome,days away,days restricted,case type\n");
        foreach (var entry in log.Cases)
        {
            var d = entry.Details;
            csv.AppendJoin(',', entry.CaseNumber.ToString(CultureInfo.InvariantCulture), d.PrivacyCase ? PrivacyCase : ChargeEndpoints.Cell(d.Person),
                ChargeEndpoints.Cell(d.JobTitle ?? ""), d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ChargeEndpoints.Cell(d.Where ?? ""),
                ChargeEndpoints.Cell(d.Description), OutcomeWords(d.Outcome), d.DaysAway.ToString(CultureInfo.InvariantCulture),
                d.DaysRestricted.ToString(CultureInfo.InvariantCulture), TypeWords(d.CaseType)).Append('\n');
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

        if (body.Validate(config.LocalDate(time.GetUtcNow()), await grains.GetGrain<IClinicStaffGrain>(clinicId).List()) is { Count: > 0 } errors)
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

        if (body.Validate(config.LocalDate(time.GetUtcNow()), await grains.GetGrain<IClinicStaffGrain>(clinicId).List()) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var change = await grains.GetGrain<IClinicInjuryLogGrain>(clinicId).Change(caseId, body.ToSpec(), Actor.Of(context));
        return change.Case is { } entry ? TypedResults.Ok(entry) : Problems.From(change.Refusal!);
    }

    private const string PrivacyCase = "privacy case";

    private static string TypeWords(InjuryCaseType type) => type switch
    {
        InjuryCaseType.Injury => "injury",
        InjuryCaseType.SkinDisorder => "skin disorder",
        InjuryCaseType.RespiratoryCondition => "respiratory condition",
        InjuryCaseType.Poisoning => "poisoning",
        InjuryCaseType.HearingLoss => "hearing loss",
        _ => "all other illnesses",
    };

    private static string OutcomeWords(InjuryOutcome outcome) => outcome switch
    {
        InjuryOutcome.Death => "death",
        InjuryOutcome.DaysAway => "days away from work",
        InjuryOutcome.JobTransferOrRestriction => "job transfer or restriction",
        _ => "other recordable case",
    };
}
