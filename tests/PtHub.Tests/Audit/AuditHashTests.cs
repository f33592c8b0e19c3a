using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Audit;

/// <summary>The hash's canonical encoding, as documented on <see cref="AuditHash"/>.</summary>
public sealed class AuditHashTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 2, 15, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

    private static AuditEntry Sample() => AuditHash.Seal("clinic-a", 7, At,
        new AuditRecord("u-ana", "front-desk", "clinic-a", null, "patient.read", "/api/clinics/clinic-a/patients/p-1", "ok", "10.0.0.7"),
        AuditChainHead.GenesisHash);

    [Fact]
    public void The_hash_is_sha256_of_the_documented_length_prefixed_fields()
    {
        // Expected values computed outside .NET from the documentation alone (4-byte big-endian length, -1 for null,
        // UTF-8 bytes; tag, chain, sequence, time in microseconds, the eight record fields, previous hash).
        var entry = Sample();

        Assert.Equal("937aac57272408b5d37447568f9b224600aaa9a4d63f617c15201fafeac1f810", entry.Hash);
        Assert.Equal("de6ea92ef78f82c55e9bad051bac2ef3e207571c92f4c9d688dcbc36128d183c",
            AuditHash.Compute(entry with { PatientId = "p-1", PreviousHash = string.Concat(Enumerable.Repeat("ab", 32)) }));
    }

    [Fact]
    public void Sealing_keeps_whole_microseconds_in_utc()
    {
        var local = new DateTimeOffset(2026, 3, 2, 9, 4, 5, TimeSpan.FromHours(-6)).AddTicks(1_234_567);

        var entry = AuditHash.Seal("c", 1, local, Records.Read("c"), AuditChainHead.GenesisHash);

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(local.UtcTicks - 7, entry.At.UtcTicks);
    }

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var entry = Sample();
        AuditEntry[] changed =
        [
            entry with { Chain = "clinic-b" },
            entry with { Sequence = 8 },
            entry with { At = entry.At.AddTicks(10) },
            entry with { UserId = "u-bo" },
            entry with { Role = "manager" },
            entry with { ClinicId = null },
            entry with { PatientId = "" },
            entry with { Action = "patient.update" },
            entry with { Resource = "/api/clinics/clinic-a/patients/p-2" },
            entry with { Outcome = "denied" },
            entry with { Source = "10.0.0.8" },
            entry with { PreviousHash = new string('1', 64) },
        ];

        var hashes = changed.Select(AuditHash.Compute).Append(entry.Hash).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        var entry = Sample();

        Assert.NotEqual(
            AuditHash.Compute(entry with { UserId = "u-an", Role = "afront-desk" }),
            AuditHash.Compute(entry));
    }
}
