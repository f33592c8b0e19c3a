using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Audit;

/// <summary>
/// The hash that chains audit entries.
/// </summary>
/// <remarks>
/// <para>
/// Hash = lowercase hex of SHA-256 over this canonical encoding of 13 fields, in this order: the format tag
/// "pthub-audit/1", Chain, Sequence (invariant decimal digits), At (UTC as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>),
/// UserId, Role, ClinicId, PatientId, Action, Resource, Outcome, Source, PreviousHash.
/// </para>
/// <para>
/// Each field is written as a 4-byte big-endian signed length followed by that many bytes of UTF-8; a null field is
/// the length -1 with no bytes. Length prefixes make the encoding unambiguous (no separator can be forged inside a
/// value, and null differs from ""), so changing any field, or the previous hash it links to, changes the hash.
/// Because every entry covers its predecessor's hash and its own sequence, a deleted, inserted or reordered row
/// breaks the chain at that point. A new format would take a new tag, never a change to this one.
/// </para>
/// <para>
/// An entry that lists the patients a bulk read disclosed (<see cref="AuditEntry.Patients"/>, not empty) is hashed
/// in format "pthub-audit/2": the same 13 fields under that tag, then the number of patients (invariant decimal
/// digits) and each patient id, in ordinal order, encoded the same way. Every other entry, and every row written
/// before the list existed, keeps format 1, so older chains verify unchanged; and since the tag is part of the hash,
/// dropping a row's list or adding one to a row changes the hash the row must have.
/// </para>
/// </remarks>
public static class AuditHash
{
    public const string FormatTag = "pthub-audit/1";

    /// <summary>The format of entries that list the patients a bulk read disclosed.</summary>
    public const string FormatTagWithPatients = "pthub-audit/2";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Builds the entry that follows a chain's <paramref name="previousHash"/>, with its hash.</summary>
    public static AuditEntry Seal(string chain, long sequence, DateTimeOffset at, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new AuditEntry(chain, sequence, ToStoredPrecision(at), record.UserId, record.Role, record.ClinicId,
            record.PatientId, record.Action, record.Resource, record.Outcome, record.Source, previousHash, Hash: "", NormalizePatients(record.Patients));
        return entry with { Hash = Compute(entry) };
    }

    /// <summary>The hash of every field of <paramref name="entry"/> but its own <see cref="AuditEntry.Hash"/>.</summary>
    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var patients = entry.Patients is { Count: > 0 } listed ? listed : null;
        Append(sha, patients is null ? FormatTag : FormatTagWithPatients);
        Append(sha, entry.Chain);
        Append(sha, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(sha, entry.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Append(sha, entry.UserId);
        Append(sha, entry.Role);
        Append(sha, entry.ClinicId);
        Append(sha, entry.PatientId);
        Append(sha, entry.Action);
        Append(sha, entry.Resource);
        Append(sha, entry.Outcome);
        Append(sha, entry.Source);
        Append(sha, entry.PreviousHash);
        if (patients is not null)
        {
            Append(sha, patients.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var patient in patients)
            {
                Append(sha, patient);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The stored form of a disclosed-patients list: ordinal order, no repeats, no blanks (the order a store reads it
    /// back in, so the hash survives the round trip); null when nothing is left.
    /// </summary>
    public static ValueList<string>? NormalizePatients(IEnumerable<string?>? patients)
    {
        if (patients is null)
        {
            return null;
        }

        var ids = patients.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return ids.Length == 0 ? null : new ValueList<string>(ids);
    }

    /// <summary>
    /// UTC, truncated to whole microseconds: PostgreSQL's timestamptz keeps no more, and the hash must be computed
    /// over the time as it reads back.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    private static void Append(IncrementalHash sha, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            sha.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
