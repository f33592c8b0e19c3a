using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Kpis;

/// <summary>A correction of a past day (a visit entered in error a week later) moves that day's roll-up and no other.</summary>
public sealed class KpiCorrectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALateCorrectionMovesExactlyOneDaysFigures()
    {
        await using var kpi = await KpiNode.StartAsync();
        var clinicId = $"kpi-fix-{Guid.NewGuid():N}"[..16];
        await KpiHistory.CreateClinicAsync(kpi.Node.Http, clinicId);
        var history = kpi.History(clinicId);
        await history.PlayAsync(kpi.FirstDay, 5, seed: 21);
        var store = kpi.Node.Services.GetRequiredService<IKpiStore>();
        var query = new KpiQuery([clinicId], kpi.FirstDay, kpi.FirstDay.AddDays(4));
        var before = await store.ReadDaysAsync(query, Ct);
        var corrected = history.Visits.First(v => v.Day == kpi.FirstDay.AddDays(1) && v.Status == "checked-out");
        kpi.Clock.Advance(TimeSpan.FromDays(7));

        await history.EnterInErrorAsync(corrected);

        var after = await store.ReadDaysAsync(query, Ct);
        var changed = before.Concat(after).GroupBy(r => (r.Day, r.TherapistId)).Where(g => g.Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Equal([(corrected.Day, corrected.TherapistId)], changed);
        var day = (await kpi.Node.Http.GetFromJsonAsync<JsonObject>($"{history.Api}/kpis?from={corrected.Day:yyyy-MM-dd}&to={corrected.Day:yyyy-MM-dd}", Ct))!;
        var wrong = new List<string>();
        KpiAssert.Matches(KpiExpectation.Of(history.Visits.Where(v => v.Day == corrected.Day)), day["total"], "corrected day", wrong);
        Assert.Empty(wrong);
        Assert.Equal(before.Single(r => r.Day == corrected.Day && r.TherapistId == corrected.TherapistId).Attended - 1,
            after.Single(r => r.Day == corrected.Day && r.TherapistId == corrected.TherapistId).Attended);
    }
}
