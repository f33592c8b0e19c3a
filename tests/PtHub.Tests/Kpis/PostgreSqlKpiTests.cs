using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Kpis;

/// <summary>The roll-up kept on PostgreSQL (per-day advisory locks, one transaction with the events) equals its rebuild and the test's own working.</summary>
public sealed class PostgreSqlKpiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnPostgreSqlTheKeptRollUpEqualsTheRebuildAndTheVisits()
    {
        await using var kpi = await KpiNode.StartAsync(await PostgresServer.CreateDatabaseAsync());
        var clinicId = $"kpi-pg-{Guid.NewGuid():N}"[..15];
        await KpiHistory.CreateClinicAsync(kpi.Node.Http, clinicId);
        var history = kpi.History(clinicId);
        await history.PlayAsync(kpi.FirstDay, 4, seed: 31);
        var store = kpi.Node.Services.GetRequiredService<IKpiStore>();
        var query = new KpiQuery([clinicId], kpi.FirstDay, kpi.FirstDay.AddDays(3));
        var kept = await store.ReadDaysAsync(query, Ct);
        var keptPlans = await store.ReadPlansAsync(query, Ct);

        await store.RebuildAsync(Ct);

        Assert.Equal(kept.OrderBy(r => (r.Day, r.TherapistId)), (await store.ReadDaysAsync(query, Ct)).OrderBy(r => (r.Day, r.TherapistId)));
        Assert.Equal(keptPlans.OrderBy(r => (r.Day, r.PlanId)), (await store.ReadPlansAsync(query, Ct)).OrderBy(r => (r.Day, r.PlanId)));
        var today = history.Today;
        var total = KpiCalculator.Figures(kept, await store.ReadWaitsAsync(query, Ct), [], [], query.From, query.To, keptPlans, _ => today);
        var expected = KpiExpectation.Of(history.Visits);
        Assert.Equal((expected["scheduled"], expected["attended"], expected["units"], expected["waitMedian"], expected["quoteMae"]),
            ((double?)total.Scheduled, (double?)total.Attended, (double?)total.Units, (double?)total.WaitMedian, total.QuoteMae));
        Assert.Equal((expected["copaysDue"], expected["copayDueAmount"], expected["copayCollectionRate"], expected["copayVisitCollectionRate"]),
            ((double?)total.CopaysDue, (double?)total.CopayDueAmount, total.CopayCollectionRate, total.CopayVisitCollectionRate));
        var plans = KpiPlanExpectation.Of(history.Plans, history.Visits.Concat(history.Ahead), query.From, query.To, today);
        Assert.Equal((plans["planDays"], plans["planVisitsAttended"], plans["weeklyFrequencyRate"], plans["plansActive"], plans["plansUnderScheduled"], plans["underScheduledVisits"]),
            ((double?)total.PlanDays, (double?)total.PlanVisitsAttended, total.WeeklyFrequencyRate, (double?)total.PlansActive, (double?)total.PlansUnderScheduled, (double?)total.UnderScheduledVisits));
        Assert.True(total.PlansActive > 0 && total.CopaysDue > 0);
    }

    /// <summary>The report reads the roll-up summed in SQL per period, therapist and clinic (<see cref="IKpiStore.ReadSumsAsync"/>): on PostgreSQL too its figures are the visits'.</summary>
    [Fact]
    public async Task OnPostgreSqlTheReportsSummedPeriodsAndTherapistsEqualTheVisits()
    {
        await using var kpi = await KpiNode.StartAsync(await PostgresServer.CreateDatabaseAsync());
        var clinicId = $"kpi-pg-{Guid.NewGuid():N}"[..15];
        await KpiHistory.CreateClinicAsync(kpi.Node.Http, clinicId);
        var history = kpi.History(clinicId);
        await history.PlayAsync(kpi.FirstDay, 4, seed: 37);
        var (first, last) = (kpi.FirstDay, kpi.FirstDay.AddDays(3));

        var wrong = new List<string>();
        foreach (var by in new[] { "day", "week" })
        {
            var report = (await kpi.Node.Http.GetFromJsonAsync<JsonObject>($"{history.Api}/kpis?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&by={by}", Ct))!;
            var periods = report["periods"]!.AsArray();
            Assert.True(by == "day" ? periods.Count == 4 : periods.Count is 1 or 2, $"{periods.Count} periods by {by}");
            foreach (var period in periods)
            {
                var start = DateOnly.Parse(period!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var end = DateOnly.Parse(period["end"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                KpiAssert.Matches(KpiExpectation.Of(history.Visits.Where(v => v.Day >= start && v.Day <= end), history.WorkingSeconds(start, end, 2),
                    history.SpaceSeconds(start, end)), period, $"{by} {start}", wrong);
            }

            KpiAssert.Matches(KpiExpectation.Of(history.Visits, history.WorkingSeconds(first, last, 2), history.SpaceSeconds(first, last)), report["total"], $"{by} total", wrong);
            var therapists = report["therapists"]!.AsArray();
            Assert.Equal(["ann", "bob"], therapists.Select(t => t!["id"]!.GetValue<string>()));
            foreach (var row in therapists)
            {
                var id = row!["id"]!.GetValue<string>();
                KpiAssert.Matches(KpiExpectation.Of(history.Visits.Where(v => v.TherapistId == id), history.WorkingSeconds(first, last, 1), 0), row["figures"], $"{by} therapist {id}", wrong);
            }
        }

        Assert.Empty(wrong);
        Assert.True(history.Visits.Count(v => v.Day >= first && v.Day <= last) > 10, "the history should have visits in the range");
    }
}
