using System.Net.Http.Json;
using System.Text.Json;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Audit;

/// <summary>A chain read back from the SQLite file after a restart goes on where it stopped.</summary>
public sealed class AuditRestartTests
{
    [Fact]
    public async Task After_a_restart_the_chain_continues_from_its_stored_head()
    {
        var database = TempPaths.NewDatabase();
        var clinic = Records.NewClinic("restart");
        AuditEntry last;
        await using (var first = await AppNode.StartSqliteAsync(database))
        {
            for (var i = 1; i < 3; i++)
            {
                await first.Grains.GetGrain<IAuditChainGrain>(clinic).Append(Records.Read(clinic, patientId: $"p-{i}"));
            }

            last = await first.Grains.GetGrain<IAuditChainGrain>(clinic).Append(Records.Read(clinic, patientId: "p-3"));
            await first.Grains.GetGrain<IAuditChainGrain>(AuditChains.System).Append(Records.Read(null, patientId: null));
            await first.StopAsync();
        }

        await using var second = await AppNode.StartSqliteAsync(database);
        var next = await second.Grains.GetGrain<IAuditChainGrain>(clinic).Append(Records.Read(clinic, patientId: "p-4"));
        var system = await second.Grains.GetGrain<IAuditChainGrain>(AuditChains.System).Append(Records.Read(null, patientId: null));

        Assert.Equal((4L, last.Hash), (next.Sequence, next.PreviousHash));
        Assert.Equal(2, system.Sequence);
        var report = await second.Http.GetFromJsonAsync<AuditVerification>("/api/audit/verify", new JsonSerializerOptions(JsonSerializerDefaults.Web), TestContext.Current.CancellationToken);
        Assert.Equal((2, 6L, true), (report!.ChainsChecked, report.EntriesChecked, report.Intact));
        await second.StopAsync();
    }
}
