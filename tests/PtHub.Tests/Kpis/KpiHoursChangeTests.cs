using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.Tests.Kpis;

/// <summary>
/// Working time is frozen for the past days before a clinic's hours change: two days worked 07:00–19:00 keep that
/// working time and their productivity after the hours become 08:00–12:00 (and again after a second change), while
/// today, not yet past at the change, takes the new hours.
/// </summary>
public sealed class KpiHoursChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AChangeOfHoursLeavesThePastDaysProductivityAsItWas()
    {
        await using var kpi = await KpiNode.StartAsync();
        var http = kpi.Node.Http;
        var clinicId = $"kpi-hrs-{Guid.NewGuid():N}"[..16];
        await KpiHistory.CreateClinicAsync(http, clinicId);
        var history = kpi.History(clinicId);
        var first = kpi.FirstDay;
        await history.PlayAsync(first, 2, seed: 41);
        var third = first.AddDays(2);
        kpi.Clock.SetUtcNow(history.At(third, 6, 0));
        var past = $"{history.Api}/kpis?from={first:yyyy-MM-dd}&to={first.AddDays(1):yyyy-MM-dd}&by=day";
        var before = (await http.GetFromJsonAsync<JsonObject>(past, Ct))!;

        await KpiHistory.CreateClinicAsync(http, clinicId, "08:00:00", "12:00:00");
        var after = (await http.GetFromJsonAsync<JsonObject>(past, Ct))!;
        kpi.Clock.SetUtcNow(history.At(third, 10, 0));
        var today = (await http.GetFromJsonAsync<JsonObject>($"{history.Api}/kpis?from={third:yyyy-MM-dd}&to={third:yyyy-MM-dd}", Ct))!;
        await KpiHistory.CreateClinicAsync(http, clinicId, "09:00:00", "17:00:00");
        var afterSecond = (await http.GetFromJsonAsync<JsonObject>(past, Ct))!;

        // Both past days as they were worked: 07:00–19:00 for two therapists (KpiHistory.WorkingSeconds, the old hours).
        var wrong = new List<string>();
        var played = history.Visits.Where(v => v.Day <= first.AddDays(1)).ToList();
        foreach (var (report, when) in new[] { (before, "before"), (after, "after the change"), (afterSecond, "after the second change") })
        {
            KpiAssert.Matches(KpiExpectation.Of(played, 2L * 12 * 3600 * 2), report["total"], when, wrong);
            for (var d = 0; d < 2; d++)
            {
                KpiAssert.Matches(KpiExpectation.Of(played.Where(v => v.Day == first.AddDays(d)), 2L * 12 * 3600), report["periods"]![d], $"{when} day {d}", wrong);
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(before["total"]!["productivity"]!.GetValue<double>(), afterSecond["total"]!["productivity"]!.GetValue<double>());
        Assert.True(before["total"]!["productivity"]!.GetValue<double>() > 0);
        // Today was not past at the change: 08:00 to now (10:00) for each of the two therapists, 2 × 120 minutes.
        Assert.Equal(240, today["total"]!["workingMinutes"]!.GetValue<int>());
    }
}
