using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// KPI trends over any range, read from the daily roll-up (<see cref="IKpiStore"/>), never from live grain state:
/// per clinic (managers and administrators; a therapist only their own figures), across the clinics a manager may
/// see, as JSON or CSV, and the visits behind a point.
/// </summary>
internal static class KpiEndpoints
{
    /// <summary>The drill-down lists visits, so it takes a period of a quarter at most.</summary>
    public const int MaxVisitDays = 93;

    public static RouteGroupBuilder MapKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/kpis", GetClinic).WithTags("KPIs").RequireAuthorization(AccessPolicies.TherapistSelf).Audited("kpi.read").Produces<KpiReport>()
            .WithSummary("A clinic's KPIs by day, week or month over a range, with targets, per therapist (a therapist: only their own)");
        api.MapGet("/clinics/{clinicId}/kpis.csv", ExportClinic).WithTags("KPIs").RequireAuthorization(AccessPolicies.TherapistSelf).Audited("kpi.export")
            .WithSummary("The same KPIs as CSV: every period, therapist and the total");
        api.MapGet("/clinics/{clinicId}/kpis/visits", GetVisits).WithTags("KPIs").RequireAuthorization(AccessPolicies.TherapistSelf).Audited("kpi.visits").Produces<IReadOnlyList<KpiVisit>>()
            .WithSummary("The visits behind a KPI point: the clinic's visits of a day or period (entered in error left out)");
        api.MapGet("/clinics/{clinicId}/kpi-targets", GetTargets).WithTags("KPIs").RequireAuthorization(AccessPolicies.TherapistSelf).Produces<IReadOnlyList<KpiTarget>>()
            .WithSummary("The clinic's KPI targets: its own where set, else the defaults");
        api.MapPut("/clinics/{clinicId}/kpi-targets", PutTargets).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Produces<IReadOnlyList<KpiTarget>>()
            .WithSummary("Set the clinic's own KPI targets {targets:[{figure, on, near}]}; figures left out keep the defaults");
        api.MapDelete("/clinics/{clinicId}/kpi-targets", ResetTargets).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Produces<IReadOnlyList<KpiTarget>>()
            .WithSummary("Drop the clinic's own KPI targets: every figure is judged by the defaults again");
        api.MapGet("/kpis", GetChain).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Audited("kpi.read", systemChain: true).Produces<KpiReport>()
            .WithSummary("KPIs rolled up across every clinic the user may see, with each clinic's figures");
        api.MapGet("/kpis.csv", ExportChain).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Audited("kpi.export", systemChain: true)
            .WithSummary("The roll-up across clinics as CSV");
        return api;
    }

    private static async Task<IResult> GetClinic(
        string clinicId, DateOnly? from, DateOnly? to, string? by, string? therapistId, ClaimsPrincipal user, IGrainFactory grains,
        IKpiStore store, [FromKeyedServices(Clock.Key)] TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ClinicReportAsync(clinicId, from, to, by, therapistId, user, grains, store, time, ct);
        return report is not null ? TypedResults.Ok(report) : problem!;
    }

    private static async Task<IResult> ExportClinic(
        string clinicId, DateOnly? from, DateOnly? to, string? by, string? therapistId, ClaimsPrincipal user, IGrainFactory grains,
        IKpiStore store, [FromKeyedServices(Clock.Key)] TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ClinicReportAsync(clinicId, from, to, by, therapistId, user, grains, store, time, ct);
        return report is not null ? Csv(report, $"kpis-{clinicId}-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv") : problem!;
    }

    private static async Task<IResult> GetVisits(
        string clinicId, DateOnly? from, DateOnly? to, string? therapistId, ClaimsPrincipal user, IGrainFactory grains, HttpContext http,
        IKpiStore store, [FromKeyedServices(Clock.Key)] TimeProvider time, CancellationToken ct)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var now = time.GetUtcNow();
        var (range, errors) = KpiRange.Parse(from, to ?? from, null, config.LocalDate(now), now, MaxVisitDays);
        if (range is null)
        {
            return Problems.Invalid(errors);
        }

        if (!TryScope(user, ref therapistId))
        {
            return TypedResults.Forbid();
        }

        var enteredInError = VisitStatus.EnteredInError.ToCode();
        var facts = await store.ReadVisitsAsync(new KpiQuery([clinicId], range.From, range.To, therapistId), ct);
        IReadOnlyList<KpiVisit> visits =
        [
            .. facts.Where(f => f.Status != enteredInError).OrderBy(f => f.ScheduledStart).ThenBy(f => f.VisitId, StringComparer.Ordinal)
                .Select(f => new KpiVisit(f.VisitId, f.ClinicId, f.PatientId, f.Day, f.TherapistId, f.VisitTypeCode, f.Status, f.ScheduledStart,
                    f.ArrivedAt, f.StartedAt, f.ArrivedAt is not null && f.StartedAt is not null ? (int)KpiDayRollup.Wait(f).TotalMinutes : null,
                    f.WalkIn, f.LateCancellation, f.Units)),
        ];
        http.DisclosePatients(visits.Select(v => v.PatientId));
        return TypedResults.Ok(visits);
    }

    private static async Task<IResult> GetTargets(string clinicId, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var own = await grains.GetGrain<IClinicKpiTargetsGrain>(clinicId).Get();
        return TypedResults.Ok(KpiTargets.DefaultTargets.Select(d => own.FirstOrDefault(o => o.Figure == d.Figure) ?? d).ToList());
    }

    private static async Task<IResult> PutTargets(string clinicId, KpiTargetsBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var (targets, missing) = body.Read();
        if (targets is null)
        {
            return Problems.Invalid(missing);
        }

        if (KpiTargets.Check(targets) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        await grains.GetGrain<IClinicKpiTargetsGrain>(clinicId).Set(targets);
        return await GetTargets(clinicId, grains);
    }

    private static async Task<IResult> ResetTargets(string clinicId, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        await grains.GetGrain<IClinicKpiTargetsGrain>(clinicId).Set([]);
        return await GetTargets(clinicId, grains);
    }

    private static async Task<IResult> GetChain(
        DateOnly? from, DateOnly? to, string? by, ClaimsPrincipal user, IGrainFactory grains, IKpiStore store,
        [FromKeyedServices(Clock.Key)] TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ChainReportAsync(from, to, by, user, grains, store, time, ct);
        return report is not null ? TypedResults.Ok(report) : problem!;
    }

    private static async Task<IResult> ExportChain(
        DateOnly? from, DateOnly? to, string? by, ClaimsPrincipal user, IGrainFactory grains, IKpiStore store,
        [FromKeyedServices(Clock.Key)] TimeProvider time, CancellationToken ct)
    {
        var (report, problem) = await ChainReportAsync(from, to, by, user, grains, store, time, ct);
        return report is not null ? Csv(report, $"kpis-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv") : problem!;
    }

    private static async Task<(KpiReport?, IResult?)> ClinicReportAsync(
        string clinicId, DateOnly? from, DateOnly? to, string? by, string? therapistId, ClaimsPrincipal user, IGrainFactory grains,
        IKpiStore store, TimeProvider time, CancellationToken ct)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return (null, Problems.NotFound($"No clinic '{clinicId}'."));
        }

        var now = time.GetUtcNow();
        var (range, errors) = KpiRange.Parse(from, to, by, config.LocalDate(now), now);
        if (range is null)
        {
            return (null, Problems.Invalid(errors));
        }

        if (!TryScope(user, ref therapistId))
        {
            return (null, TypedResults.Forbid());
        }

        var targets = await grains.GetGrain<IClinicKpiTargetsGrain>(clinicId).Get();
        return (await ReportAsync([(clinicId, config)], range, therapistId, store, targets, now, ct), null);
    }

    private static async Task<(KpiReport?, ValidationProblem?)> ChainReportAsync(
        DateOnly? from, DateOnly? to, string? by, ClaimsPrincipal user, IGrainFactory grains, IKpiStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = (await grains.GetGrain<IClinicDirectoryGrain>("all").List())
            .Select(c => c.ClinicId).Where(user.IsMemberOf).Order(StringComparer.Ordinal).ToList();
        var configs = await Task.WhenAll(ids.Select(id => grains.GetGrain<IClinicGrain>(id).GetConfig()));
        List<(string Id, ClinicConfig Config)> clinics = [.. ids.Zip(configs).Where(c => c.Second is not null).Select(c => (c.First, c.Second!))];

        // "Today" is a clinic day: the latest of the clinics' todays, so no clinic's today is left out of the default
        // range (a clinic still on yesterday has nothing yet on its tomorrow; working time ahead of now counts nothing).
        var today = clinics.Count > 0 ? clinics.Max(c => c.Config.LocalDate(now)) : DateOnly.FromDateTime(now.UtcDateTime);
        var (range, errors) = KpiRange.Parse(from, to, by, today, now);
        if (range is null)
        {
            return (null, Problems.Invalid(errors));
        }

        return (await ReportAsync(clinics, range, null, store, null, now, ct), null);
    }

    private static async Task<KpiReport> ReportAsync(
        IReadOnlyList<(string Id, ClinicConfig Config)> clinics, KpiRange range, string? therapistId, IKpiStore store,
        IReadOnlyList<KpiTarget>? targets, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<string> clinicIds = [.. clinics.Select(c => c.Id)];
        var query = new KpiQuery(clinicIds, range.From, range.To, therapistId);
        // Summed in the database per period, therapist and clinic: a few rows, however many clinics and days the range spans.
        var sums = await store.ReadSumsAsync(query, range.By, ct);
        // Past days frozen before a change of hours keep their working time; the others take the configuration as it stands.
        var frozen = await store.ReadWorkingAsync(query, ct);
        var working = frozen.Over(clinics.SelectMany(c => KpiWorkingTime.Of(c.Id, c.Config, range.From, range.To, now, therapistId)));
        // Space utilization is a clinic's: one therapist's figures (their own report, or the table by therapist) have none.
        IReadOnlyList<KpiSpaceTime> spaces = therapistId is null ? [.. clinics.SelectMany(c => KpiSpaceTime.Of(c.Id, c.Config, range.From, range.To, now))] : [];
        var plans = await store.ReadPlansAsync(query, ct);
        var todays = clinics.ToDictionary(c => c.Id, c => c.Config.LocalDate(now), StringComparer.Ordinal);
        DateOnly TodayOf(string clinicId) => todays[clinicId];
        var total = KpiCalculator.Figures(sums.Periods, sums.PeriodWaits, working, spaces, range.From, range.To, plans, TodayOf);
        IReadOnlyList<KpiBreakdown> Breakdown(
            IReadOnlyList<KpiDayRow> rows, IReadOnlyList<KpiWaitCount> waits,
            Func<KpiDayRow, string> rowKey, Func<KpiWaitCount, string> waitKey, Func<KpiWorkingTime, string> workingKey, Func<string, IEnumerable<KpiSpaceTime>> spacesOf,
            Func<KpiPlanDay, string> planKey) =>
        [
            .. rows.Select(rowKey).Concat(plans.Select(planKey)).Distinct().Order(StringComparer.Ordinal).Select(id => new KpiBreakdown(id, KpiCalculator.Figures(
                rows.Where(r => rowKey(r) == id), waits.Where(w => waitKey(w) == id), working.Where(w => workingKey(w) == id), spacesOf(id), range.From, range.To,
                plans.Where(p => planKey(p) == id), TodayOf))),
        ];

        return new KpiReport(clinicIds, range.From, range.To, range.By.ToString().ToLowerInvariant(), therapistId,
            KpiCalculator.ByPeriod(sums.Periods, sums.PeriodWaits, working, spaces, range.From, range.To, range.By, plans, TodayOf), total, KpiTargets.Judge(total, targets),
            Breakdown(sums.Therapists, sums.TherapistWaits, r => r.TherapistId, w => w.TherapistId, w => w.TherapistId, _ => [], p => p.TherapistId),
            Breakdown(sums.Clinics, sums.ClinicWaits, r => r.ClinicId, w => w.ClinicId, w => w.ClinicId, id => spaces.Where(s => s.ClinicId == id), p => p.ClinicId));
    }

    /// <summary>A therapist sees only their own figures: no therapist named means theirs, another one is refused.</summary>
    private static bool TryScope(ClaimsPrincipal user, ref string? therapistId)
    {
        if (user.StaffRole() != StaffRole.Therapist)
        {
            therapistId = string.IsNullOrWhiteSpace(therapistId) ? null : therapistId;
            return true;
        }

        var own = user.TherapistId();
        if (own is null || (!string.IsNullOrWhiteSpace(therapistId) && therapistId != own))
        {
            return false;
        }

        therapistId = own;
        return true;
    }

    private static FileContentHttpResult Csv(KpiReport report, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(KpiCsv.Write(report)), "text/csv; charset=utf-8", fileName);
}
