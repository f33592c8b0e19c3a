using System.Security.Cryptography;
using System.Text;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// Writes and reads the token of a <see cref="VisitLink"/>: "v1.{payload}.{signature}" (<see cref="SignedPayloads"/>), the signature an
/// HMAC-SHA256 of "v1.{payload}" under a key of the link's own clinic (derived from the master key), so a token cannot be
/// altered, and one made for another clinic does not check. Deterministic: the same link always gives the same token. Pure.
/// </summary>
public static class VisitLinks
{
    public const int KeyBytes = 32;

    /// <summary>Who a link's command is from, in the visit's history and the audit log.</summary>
    public const string Actor = "patient via link";
    private const string Version = "v1";
    private const string Purpose = "visit link";

    private sealed record Payload(string C, string V, long S, long E, string N);

    public static string Sign(ReadOnlySpan<byte> masterKey, VisitLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return SignedPayloads.Sign(masterKey, Version, Purpose, link.ClinicId,
            new Payload(link.ClinicId, link.VisitId, link.Start.ToUnixTimeSeconds(), link.ExpiresAt.ToUnixTimeSeconds(), link.Nonce));
    }

    /// <summary>The link a token stands for, or null when it is malformed or its signature does not check.</summary>
    public static VisitLink? Read(ReadOnlySpan<byte> masterKey, string? token) =>
        SignedPayloads.Read<Payload>(masterKey, Version, Purpose, token, p => p.C) is { V.Length: > 0, N.Length: > 0 } p
            ? new VisitLink(p.C, p.V, DateTimeOffset.FromUnixTimeSeconds(p.S), DateTimeOffset.FromUnixTimeSeconds(p.E), p.N)
            : null;

    /// <summary>The link of a reminder: named after its idempotency key, for the visit's start, usable until the visit begins.</summary>
    public static VisitLink ForReminder(OutboxMessage message, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(message);
        var nonce = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"visit-link|{message.Key}")))[..32];
        return new VisitLink(message.ClinicId, message.VisitId!, start, message.ExpiresAt, nonce);
    }

    /// <summary>
    /// Whether the visit is still the one the link was sent for: booked, at the start the link names (to the second, as
    /// the token and the reminder's key keep it).
    /// </summary>
    public static bool StillFor(VisitLink link, VisitSnapshot visit)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Status == VisitStatus.Booked && visit.ScheduledStart.ToUnixTimeSeconds() == link.Start.ToUnixTimeSeconds();
    }

    /// <summary>What a patient is told about a link already used.</summary>
    public static string UsedMessage(VisitLinkUse used) => used.Action switch
    {
        "confirm" => "This link was already used: the appointment is confirmed.",
        "cancel" => "This link was already used: the appointment was cancelled.",
        _ => "This link was already used: the appointment was moved.",
    };

    /// <summary>What a patient is told when the visit is no longer the one the link was sent for.</summary>
    public static string Changed(VisitSnapshot visit) => visit.Status == VisitStatus.Booked
        ? "This appointment has changed since this link was sent; please call the clinic."
        : "This appointment can no longer be changed here; please call the clinic.";

    /// <summary>
    /// The signature of a link of one kind (<paramref name="purpose"/>) for one clinic: its key is derived from the master
    /// key per kind and clinic, so a token of one kind or clinic never checks as another.
    /// </summary>
    internal static byte[] Mac(ReadOnlySpan<byte> masterKey, string purpose, string clinicId, string signed)
    {
        var clinicKey = HMACSHA256.HashData(masterKey, Encoding.UTF8.GetBytes($"pthub {purpose} key|{clinicId}"));
        return HMACSHA256.HashData(clinicKey, Encoding.UTF8.GetBytes(signed));
    }
}
