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
}
