using Microsoft.Extensions.Logging.Abstractions;
using PtHub.Grains.Audit;

namespace PtHub.Tests.Audit;

/// <summary>What the verifier reports for each kind of tampering, on a chain in memory.</summary>
public sealed class AuditVerifierTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static async Task<MemoryAuditStore> ChainAsync(int count)
    {
        var store = new MemoryAuditStore();
        var writer = new AuditChainWriter("clinic-a", store, NullLogger.Instance);
        await writer.LoadHeadAsync(TestContext.Current.CancellationToken);
        for (var i = 1; i <= count; i++)
        {
            await writer.Enqueue(Records.Read("clinic-a", patientId: $"p-{i}"), At.AddMinutes(i));
        }

        return store;
    }

    private static async Task<AuditChainBreak?> FirstBreakAsync(MemoryAuditStore store) =>
        (await AuditVerifier.VerifyChainAsync(store, "clinic-a", TestContext.Current.CancellationToken)).FirstBreak;

    [Fact]
    public async Task An_untouched_chain_is_intact()
    {
        var store = await ChainAsync(5);

        var result = await AuditVerifier.VerifyAsync(store, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ChainsChecked);
        Assert.Equal(5, result.EntriesChecked);
        Assert.True(result.Intact);
    }

    [Fact]
    public async Task A_changed_field_is_a_hash_mismatch_at_its_row()
    {
        var store = await ChainAsync(5);
        store.Tamper(3, e => e with { PatientId = "p-other" });

        var found = await FirstBreakAsync(store);

        Assert.Equal(("clinic-a", 3L, AuditChainBreak.HashMismatch), (found!.Chain, found.Sequence, found.Reason));
    }

    [Fact]
    public async Task A_row_rehashed_after_a_change_breaks_the_link_of_the_next_row()
    {
        var store = await ChainAsync(5);
        store.Tamper(3, e => e with { PatientId = "p-other" } is var changed ? changed with { Hash = AuditHash.Compute(changed) } : e);

        var found = await FirstBreakAsync(store);

        Assert.Equal((4L, AuditChainBreak.PreviousHashMismatch), (found!.Sequence, found.Reason));
    }

    [Fact]
    public async Task A_first_row_that_does_not_start_from_zeros_is_reported()
    {
        var store = await ChainAsync(2);
        store.Tamper(1, e => e with { PreviousHash = new string('f', 64) });

        var found = await FirstBreakAsync(store);

        Assert.Equal((1L, AuditChainBreak.PreviousHashMismatch), (found!.Sequence, found.Reason));
    }
}
