using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Kpis;

/// <summary>
/// A node of its own on a fake clinic clock that starts two days before <see cref="FirstDay"/> (ahead of the real
/// clock), with sessions of a day (renewed as the history goes) and no background sweeps: every no-show is the test's.
/// </summary>
public sealed class KpiNode : IAsyncDisposable
{
    private KpiNode(AppNode node, FakeTimeProvider clock, DateOnly firstDay)
    {
        Node = node;
        Clock = clock;
        FirstDay = firstDay;
    }

    public static TimeZoneInfo ClinicZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(KpiHistory.Zone);

    public AppNode Node { get; }

    public FakeTimeProvider Clock { get; }

    public DateOnly FirstDay { get; }

    public static async Task<KpiNode> StartAsync(string? postgres = null)
    {
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ClinicZone).DateTime).AddDays(3);
        var clock = new FakeTimeProvider();
        var local = firstDay.AddDays(-2).ToDateTime(new TimeOnly(6, 0));
        clock.SetUtcNow(new DateTimeOffset(local, ClinicZone.GetUtcOffset(local)));
        (string, string)[] storage = postgres is null
            ? [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase())]
            : [("PtHub:Storage", "PostgreSql"), ("PtHub:PostgreSqlConnectionString", postgres)];
        var node = await AppNode.StartAsync(
            [.. storage, ("PtHub:LiveTickSeconds", "3600"), ("PtHub:KeeperSeconds", "3600"),
                ("PtHub:Security:SessionIdleMinutes", "1440"), ("PtHub:Security:SessionMaxHours", "168")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock));
        return new KpiNode(node, clock, firstDay);
    }

    public KpiHistory History(string clinicId) => new(Node.Http, Clock, clinicId, ClinicZone, () => Node.Admin.SignInAsync("admin", AppNode.AdminPassword));

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
