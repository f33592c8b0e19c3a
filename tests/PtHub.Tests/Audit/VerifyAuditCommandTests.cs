using Microsoft.Extensions.Logging.Abstractions;
using PtHub.Grains.Audit;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;
using PtHub.Web;

namespace PtHub.Tests.Audit;

/// <summary><c>verify-audit</c> on an embedded database: 0 when intact, 1 when broken, 2 when there is nothing to read.</summary>
public sealed class VerifyAuditCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_command_exits_0_for_an_intact_log_and_1_once_a_row_was_changed()
    {
        var path = TempPaths.NewDatabase();
        var database = $"Data Source={path}";
        await SchemaInstaller.ApplySqliteAsync(database, Ct);
        foreach (var chain in new[] { "clinic-a", "clinic-b" })
        {
            var writer = new AuditChainWriter(chain, new SqliteAuditStore(database), NullLogger.Instance);
            await writer.LoadHeadAsync(Ct);
            for (var i = 1; i <= 3; i++)
            {
                await writer.Enqueue(Records.Read(chain, patientId: $"p-{i}"), DateTimeOffset.UtcNow);
            }
        }

        string[] args = ["--PtHub:Storage=Sqlite", $"--PtHub:SqlitePath={path}"];
        var intact = new StringWriter();
        Assert.Equal(0, await AuditVerifyCommand.RunAsync(args, intact, Ct));
        Assert.Contains("2 chains, 6 entries checked", intact.ToString(), StringComparison.Ordinal);
        Assert.Contains("INTACT", intact.ToString(), StringComparison.Ordinal);

        await SqliteTamper.RunAsync(database, "clinic-b", "UPDATE pthub_audit SET outcome = 'denied' WHERE chain = @chain AND seq = 2");
        var broken = new StringWriter();
        Assert.Equal(1, await AuditVerifyCommand.RunAsync(args, broken, Ct));
        Assert.Contains("chain 'clinic-b' broken at sequence 2: hash mismatch", broken.ToString(), StringComparison.Ordinal);
        Assert.Contains("BROKEN: 1 of 2 chains", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_exits_2_when_there_is_no_database_and_creates_none()
    {
        var path = TempPaths.NewDatabase();
        var output = new StringWriter();

        Assert.Equal(2, await AuditVerifyCommand.RunAsync(["--PtHub:Storage=Sqlite", $"--PtHub:SqlitePath={path}"], output, Ct));
        Assert.False(File.Exists(path));
        Assert.Contains("no SQLite database", output.ToString(), StringComparison.Ordinal);
    }
}
