using Npgsql;
using PtHub.Grains.Contracts;
using PtHub.Silo.Storage;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Communication;

/// <summary>The outbox on a real PostgreSQL shared by several nodes: a message is claimed by one of them at a time.</summary>
public sealed class PostgreSqlOutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboxMessage Message(string key, DateTimeOffset due, string visit = "v1") => new(key, "c1", "p1", visit, MessageChannel.Sms, "reminder",
        new Dictionary<string, string> { ["clinic"] = "Eastside PT" }, due, due.AddHours(2), OutboxStatus.Pending, 0, due, null, null, due.AddDays(-1), null, "test");

    [Fact]
    public async Task NodesClaimingAtOnceNeverTakeTheSameMessage()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var source = NpgsqlDataSource.Create(database);
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlOutboxStore(source)).ToArray();
        var due = new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(await stores[0].EnqueueAsync(Message($"m{i}", due), Ct));
        }

        Assert.False(await stores[0].EnqueueAsync(Message("m0", due), Ct));

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(n =>
            stores[n % 4].ClaimAsync($"node-{n}", due, TimeSpan.FromMinutes(2), 20, Ct)));

        var keys = claims.SelectMany(c => c.Select(m => m.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(200, keys.Count);
        Assert.Empty(await stores[1].ClaimAsync("late", due.AddMinutes(1), TimeSpan.FromMinutes(2), 20, Ct));
        Assert.Equal(20, (await stores[1].ClaimAsync("after-lease", due.AddMinutes(2), TimeSpan.FromMinutes(2), 20, Ct)).Count);
    }

    [Fact]
    public async Task AnAttemptIsRecordedOnlyByTheNodeHoldingTheLease()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlOutboxStore(source);
        var due = new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);
        await store.EnqueueAsync(Message("m", due), Ct);
        await store.ClaimAsync("first", due, TimeSpan.FromMinutes(2), 10, Ct);
        await store.ClaimAsync("second", due.AddMinutes(3), TimeSpan.FromMinutes(2), 10, Ct);

        Assert.False(await store.RecordAsync("first", new OutboxAttempt("m", 1, due.AddMinutes(4), "first", "delivered", null),
            OutboxStatus.Delivered, due, MessageChannel.Sms, null, Ct));
        Assert.True(await store.RecordAsync("second", new OutboxAttempt("m", 2, due.AddMinutes(4), "second", "delivered", "HTTP 202"),
            OutboxStatus.Delivered, due, MessageChannel.Sms, "…0142", Ct));

        var message = await store.GetAsync("m", Ct);
        Assert.Equal((OutboxStatus.Delivered, 2, "…0142"), (message!.Status, message.Attempts, message.Recipient));
        Assert.Equal(["second"], (await store.AttemptsAsync("m", Ct)).Select(a => a.Node));
        Assert.Single(await store.ListAsync("c1", "p1", 10, Ct));
    }

    [Fact]
    public async Task AWithdrawalOfALeasedMessageLetsItsHolderRecordWhatHappenedAndSettlesWhenTheHolderDied()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await SchemaInstaller.ApplyPostgreSqlAsync(database, Ct);
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgreSqlOutboxStore(source);
        var due = new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);
        var lease = TimeSpan.FromMinutes(2);
        foreach (var visit in new[] { "sent", "retried", "died" })
        {
            await store.EnqueueAsync(Message(visit, due, visit), Ct);
            Assert.Single(await store.ClaimAsync(visit, due, lease, 1, Ct));
            await store.PlanVisitAsync(visit, [], due.AddSeconds(10), Ct);
            Assert.Equal(OutboxStatus.Withdrawing, (await store.GetAsync(visit, Ct))!.Status);
        }

        await store.EnqueueAsync(Message("idle", due.AddHours(1), "idle"), Ct);
        await store.PlanVisitAsync("idle", [], due.AddSeconds(10), Ct);

        Assert.True(await store.RecordAsync("sent", new OutboxAttempt("sent", 1, due.AddSeconds(20), "sent", "delivered", "HTTP 202"),
            OutboxStatus.Delivered, due.AddSeconds(20), MessageChannel.Sms, "…0142", Ct));
        Assert.True(await store.RecordAsync("retried", new OutboxAttempt("retried", 1, due.AddSeconds(20), "retried", "retry", "HTTP 503"),
            OutboxStatus.Pending, due.AddMinutes(5), MessageChannel.Sms, null, Ct));
        Assert.Empty(await store.ClaimAsync("next", due.Add(lease), lease, 10, Ct));

        var after = (await store.ListAsync("c1", "p1", 10, Ct)).ToDictionary(m => m.Key);
        Assert.Equal((OutboxStatus.Delivered, (DateTimeOffset?)due.AddSeconds(20)), (after["sent"].Status, after["sent"].FinishedAt));
        Assert.Equal((OutboxStatus.Withdrawn, (DateTimeOffset?)due.AddSeconds(20)), (after["retried"].Status, after["retried"].FinishedAt));
        Assert.Equal((OutboxStatus.Withdrawn, (DateTimeOffset?)due.Add(lease)), (after["died"].Status, after["died"].FinishedAt));
        Assert.Equal((OutboxStatus.Withdrawn, (DateTimeOffset?)due.AddSeconds(10)), (after["idle"].Status, after["idle"].FinishedAt));
        Assert.Equal(["delivered"], (await store.AttemptsAsync("sent", Ct)).Select(a => a.Outcome));
    }
}
