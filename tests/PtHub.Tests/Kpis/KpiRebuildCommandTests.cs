using Microsoft.Data.Sqlite;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Web;

namespace PtHub.Tests.Kpis;

/// <summary><c>rebuild-kpis</c> on an embedded database: the roll-up recomputed from the stored facts (0), nothing to read (2).</summary>
public sealed class KpiRebuildCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCommandRecomputesAWipedRollUpFromTheFactsAndRefusesAMissingDatabase()
    {
        var path = TempPaths.NewDatabase();
        var database = $"Data Source={path}";
        await SchemaInstaller.ApplySqliteAsync(database, Ct);
        var start = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
        await using (var connection = new SqliteConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await KpiRollupSql.ApplyAsync(connection, transaction, new VisitKpiFact("c1", "v1", new DateOnly(2026, 3, 2), "p1", "ann", "follow-up",
                "checked-out", false, false, start, start, start.AddMinutes(12), start.AddMinutes(57), 10, 4, 12000, 2000, 7,
                Plan: new VisitPlan("plan1", "bob", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 15), 2), CopayDueCents: 2500), postgreSql: false, Ct);
            await using var wipe = KpiRollupSql.Command(connection, transaction,
                "DELETE FROM pthub_kpi_days; DELETE FROM pthub_kpi_waits; DELETE FROM pthub_kpi_day_copays; DELETE FROM pthub_kpi_plan_days;");
            await wipe.ExecuteNonQueryAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        var output = new StringWriter();
        Assert.Equal(0, await KpiRebuildCommand.RunAsync(["--PtHub:Storage=Sqlite", $"--PtHub:SqlitePath={path}"], output, Ct));
        Assert.Contains("1 clinic-days recomputed", output.ToString(), StringComparison.Ordinal);
        var march = new KpiQuery(["c1"], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var row = Assert.Single(await KpiStore.ForSqlite(database).ReadDaysAsync(march, Ct));
        Assert.Equal((1, 4, 12 * 60L, 45 * 60L), (row.Attended, row.Units, row.WaitSeconds, row.TreatingSeconds));
        Assert.Equal((1, 2500L, 1, 2000L), (row.CopaysDue, row.CopayDueCents, row.CopaysDueCollected, row.CopayDueCollectedCents));
        var plan = Assert.Single(await KpiStore.ForSqlite(database).ReadPlansAsync(march, Ct));
        Assert.Equal(new KpiPlanDay("c1", new DateOnly(2026, 3, 2), "plan1", "bob", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 15), 2) { Booked = 1, Attended = 1 }, plan);
        // The plan's rows are found by its days, not the row's: a range of its last week still finds its first day's visit.
        Assert.Single(await KpiStore.ForSqlite(database).ReadPlansAsync(march with { From = new DateOnly(2026, 3, 14), To = new DateOnly(2026, 3, 20) }, Ct));
        Assert.Empty(await KpiStore.ForSqlite(database).ReadPlansAsync(march with { From = new DateOnly(2026, 3, 16) }, Ct));

        var missing = TempPaths.NewDatabase();
        Assert.Equal(2, await KpiRebuildCommand.RunAsync(["--PtHub:Storage=Sqlite", $"--PtHub:SqlitePath={missing}"], new StringWriter(), Ct));
        Assert.False(File.Exists(missing));
    }
}
