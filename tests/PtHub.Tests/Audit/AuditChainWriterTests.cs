using Microsoft.Extensions.Logging.Abstractions;
using PtHub.Grains.Audit;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Audit;

/// <summary>Group commit of one chain, on a store the test controls: batches, failures, and a second writer.</summary>
public sealed class AuditChainWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static async Task<AuditChainWriter> WriterAsync(MemoryAuditStore store, string chain = "clinic-a")
    {
        var writer = new AuditChainWriter(chain, store, NullLogger.Instance);
        await writer.LoadHeadAsync(TestContext.Current.CancellationToken);
        return writer;
    }

    [Fact]
    public async Task Appends_that_arrive_during_a_commit_go_together_in_the_next_one()
    {
        var store = new MemoryAuditStore();
        var writer = await WriterAsync(store);
        var release = new TaskCompletionSource();
        store.Hold = release.Task;

        var first = writer.Enqueue(Records.Read("clinic-a"), At);
        var others = Enumerable.Range(0, 199).Select(i => writer.Enqueue(Records.Read("clinic-a", patientId: $"p-{i}"), At)).ToList();
        Assert.False(first.IsCompleted);
        Assert.All(others, o => Assert.False(o.IsCompleted));
        release.SetResult();
        var entries = await Task.WhenAll([first, .. others]);

        Assert.Equal([1, 199], store.BatchSizes);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditChainHead.GenesisHash, entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal(new AuditChainHead(200, entries[^1].Hash), writer.Head);
    }

    [Fact]
    public async Task A_longer_queue_is_committed_in_bounded_batches()
    {
        var store = new MemoryAuditStore();
        var writer = await WriterAsync(store);
        var release = new TaskCompletionSource();
        store.Hold = release.Task;

        var appends = Enumerable.Range(0, AuditChainWriter.MaxBatch + 11).Select(_ => writer.Enqueue(Records.Read("clinic-a"), At)).ToList();
        release.SetResult();
        await Task.WhenAll(appends);

        Assert.Equal([1, AuditChainWriter.MaxBatch, 10], store.BatchSizes);
        Assert.True((await AuditVerifier.VerifyAsync(store, TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task A_failed_commit_fails_its_callers_and_the_next_entry_follows_what_is_stored()
    {
        var store = new MemoryAuditStore();
        var writer = await WriterAsync(store);
        var stored = await writer.Enqueue(Records.Read("clinic-a"), At);

        store.FailBeforeStoring = new InvalidOperationException("disk full");
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.Enqueue(Records.Read("clinic-a", patientId: "p-2"), At));
        Assert.Equal("disk full", failed.Message);
        Assert.Null(writer.Head);

        var next = await writer.Enqueue(Records.Read("clinic-a", patientId: "p-3"), At);

        Assert.Equal(2, next.Sequence);
        Assert.Equal(stored.Hash, next.PreviousHash);
        Assert.Equal(2, store.HeadReads);
        Assert.Equal(["p-1", "p-3"], store.Rows.Select(r => r.PatientId));
    }

    [Fact]
    public async Task After_a_commit_whose_answer_was_lost_the_chain_continues_after_the_stored_rows()
    {
        var store = new MemoryAuditStore();
        var writer = await WriterAsync(store);
        await writer.Enqueue(Records.Read("clinic-a"), At);

        store.FailAfterStoring = new TimeoutException("connection lost");
        await Assert.ThrowsAsync<TimeoutException>(() => writer.Enqueue(Records.Read("clinic-a", patientId: "p-2"), At));
        var next = await writer.Enqueue(Records.Read("clinic-a", patientId: "p-3"), At);

        Assert.Equal(3, next.Sequence);
        var (entries, firstBreak) = await AuditVerifier.VerifyChainAsync(store, "clinic-a", TestContext.Current.CancellationToken);
        Assert.Equal(3, entries);
        Assert.Null(firstBreak);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_chain_cannot_fork_it()
    {
        var store = new MemoryAuditStore();
        var one = await WriterAsync(store);
        var two = await WriterAsync(store);

        await one.Enqueue(Records.Read("clinic-a"), At);
        await Assert.ThrowsAsync<InvalidOperationException>(() => two.Enqueue(Records.Read("clinic-a", patientId: "p-2"), At));
        var retried = await two.Enqueue(Records.Read("clinic-a", patientId: "p-2"), At);

        Assert.Equal(2, retried.Sequence);
        Assert.Null((await AuditVerifier.VerifyChainAsync(store, "clinic-a", TestContext.Current.CancellationToken)).FirstBreak);
    }
}
