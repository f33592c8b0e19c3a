namespace PtHub.Tests.Kpis;

/// <summary>Three weeks of clinic A and one week of clinic B, played once for the read-only tests of <see cref="KpiTrendsTests"/>.</summary>
public sealed class KpiHistoryFixture : IAsyncLifetime
{
    public const int DaysA = 21;
    public const int DaysB = 7;

    public KpiNode Kpi { get; private set; } = null!;

    public KpiHistory A { get; private set; } = null!;

    public KpiHistory B { get; private set; } = null!;

    public DateOnly First => Kpi.FirstDay;

    public DateOnly Last => Kpi.FirstDay.AddDays(DaysA - 1);

    public DateOnly FirstB => Last.AddDays(3);

    public DateOnly LastB => FirstB.AddDays(DaysB - 1);

    public async ValueTask InitializeAsync()
    {
        Kpi = await KpiNode.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        A = Kpi.History($"kpi-a-{suffix}");
        B = Kpi.History($"kpi-b-{suffix}");
        await KpiHistory.CreateClinicAsync(Kpi.Node.Http, $"kpi-a-{suffix}");
        await KpiHistory.CreateClinicAsync(Kpi.Node.Http, $"kpi-b-{suffix}");
        // A's three weeks, then B's week from two days later (the one clock only moves forward).
        await A.PlayAsync(Kpi.FirstDay, DaysA, seed: 15);
        await B.PlayAsync(FirstB, DaysB, seed: 16);
    }

    public async ValueTask DisposeAsync() => await Kpi.DisposeAsync();
}
