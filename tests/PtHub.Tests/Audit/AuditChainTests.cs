using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Audit;

/// <summary>The chain grain on a real embedded node: sequences, links, concurrency, refusals and failed writes.</summary>
[Collection(AuditNodeCollection.Name)]
public sealed class AuditChainTests(AuditNodeFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_entry_follows_the_one_before_with_the_clinic_clock_time()
    {
        var clinic = Records.NewClinic("grow");
        var chain = fixture.Chain(clinic);
        var appended = new List<AuditEntry>();
        var times = new List<DateTimeOffset>();
        for (var i = 1; i <= 5; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(3));
            times.Add(fixture.Clock.GetUtcNow());
            appended.Add(await chain.Append(Records.Read(clinic, patientId: $"p-{i}")));
        }

        Assert.Equal([1L, 2, 3, 4, 5], appended.Select(e => e.Sequence));
        Assert.Equal(times, appended.Select(e => e.At));
        Assert.Equal(AuditChainHead.GenesisHash, appended[0].PreviousHash);
        Assert.All(appended.Skip(1).Zip(appended), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(appended, e => Assert.Equal(AuditHash.Compute(e), e.Hash));
        Assert.All(appended, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.All(appended, e => Assert.Equal(clinic, e.Chain));
        Assert.Equal(appended, await fixture.Store.QueryAsync(new AuditQuery(clinic, NewestFirst: false), Ct));
    }

    [Fact]
    public async Task Two_hundred_appends_at_once_are_all_stored_in_one_gap_free_chain()
    {
        var clinic = Records.NewClinic("burst");
        var chain = fixture.Chain(clinic);

        var appended = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => chain.Append(Records.Read(clinic, userId: $"u-{i % 7}", patientId: $"p-{i}"))));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), appended.Select(e => e.Sequence).Order());
        Assert.Equal(200, appended.Select(e => e.PatientId).Distinct().Count());
        var stored = await fixture.Store.QueryAsync(new AuditQuery(clinic, Limit: 5000, NewestFirst: false), Ct);
        Assert.Equal(appended.OrderBy(e => e.Sequence), stored);
        var (entries, firstBreak) = await AuditVerifier.VerifyChainAsync(fixture.Store, clinic, Ct);
        Assert.Equal(200, entries);
        Assert.Null(firstBreak);
    }

    [Fact]
    public async Task A_record_without_a_clinic_goes_to_the_system_chain()
    {
        var record = Records.Read(null, patientId: null, action: "clinic.create") with { Resource = "/api/clinics/new-one" };

        var entry = await fixture.Node.Grains.ChainOf(record).Append(record);

        Assert.Equal(AuditChains.System, entry.Chain);
        Assert.Null(entry.ClinicId);
        Assert.Null(entry.PatientId);
        Assert.Contains(entry, await fixture.Store.QueryAsync(new AuditQuery(AuditChains.System), Ct));
        var listed = await fixture.Node.Http.GetFromJsonAsync<AuditEntry[]>($"/api/clinics/{AuditChains.System}/audit", new JsonSerializerOptions(JsonSerializerDefaults.Web), Ct);
        Assert.Contains(entry, listed!);
    }

    [Fact]
    public async Task A_record_of_another_clinic_or_with_missing_fields_is_refused()
    {
        var clinic = Records.NewClinic("refuse");
        var chain = fixture.Chain(clinic);

        await Assert.ThrowsAsync<ArgumentException>(() => chain.Append(Records.Read("some-other-clinic")));
        await Assert.ThrowsAsync<ArgumentException>(() => chain.Append(Records.Read(null)));
        await Assert.ThrowsAsync<ArgumentException>(() => chain.Append(Records.Read(clinic) with { Outcome = "maybe" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => chain.Append(Records.Read(clinic) with { UserId = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => chain.Append(Records.Read(clinic) with { PatientId = "" }));

        Assert.Equal(1, (await chain.Append(Records.Read(clinic))).Sequence);
    }

    [Fact]
    public async Task A_failed_write_reaches_its_caller_and_the_next_entry_leaves_no_gap()
    {
        var clinic = Records.NewClinic("fail");
        var chain = fixture.Chain(clinic);
        var first = await chain.Append(Records.Read(clinic));
        var trigger = $"trg_test_refuse_{Guid.NewGuid():N}";
        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await SqliteTamper.ExecuteAsync(connection, null,
            $"CREATE TRIGGER {trigger} BEFORE INSERT ON pthub_audit WHEN NEW.chain = '{clinic}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;", clinic);

        var failed = await Assert.ThrowsAnyAsync<Exception>(() => chain.Append(Records.Read(clinic, patientId: "p-lost")));
        Assert.Contains("disk on fire", failed.Message, StringComparison.Ordinal);
        await SqliteTamper.ExecuteAsync(connection, null, $"DROP TRIGGER {trigger};", clinic);
        var next = await chain.Append(Records.Read(clinic, patientId: "p-2"));

        Assert.Equal(2, next.Sequence);
        Assert.Equal(first.Hash, next.PreviousHash);
        Assert.DoesNotContain("p-lost", (await fixture.Store.QueryAsync(new AuditQuery(clinic), Ct)).Select(e => e.PatientId));
        Assert.Null((await AuditVerifier.VerifyChainAsync(fixture.Store, clinic, Ct)).FirstBreak);
    }
}
