using System.Globalization;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// Writes and reads the token of an <see cref="OfferLink"/>: "w1.{payload}.{signature}", both base64url, signed like a
/// visit link but under a key of its own kind ("offer link") and clinic, so a visit link never checks as an offer nor
/// the other way round, and a token made for another clinic does not check. Deterministic. Pure.
/// </summary>
public static class OfferLinks
{
    /// <summary>Who an offer link's booking is from, in the visit's history and the audit log.</summary>
    public const string Actor = "patient via offer link";
    public const string KeyPrefix = "offer";
    private const string Version = "w1";
    private const string Purpose = "offer link";

    private sealed record Payload(string C, string O, int R, string E, long X);

    /// <summary>The idempotency key of the offer message of one entry in one run of an opening's offers.</summary>
    public static string MessageKey(string clinicId, string openingId, int run, string entryId) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}|{clinicId}|{openingId}|{run}|{entryId}");

    /// <summary>The link an offer message carries, read back from its key; null when the key is no offer's.</summary>
    public static OfferLink? ForMessage(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = message.Key.Split('|');
        return parts.Length == 5 && parts[0] == KeyPrefix && parts[1] == message.ClinicId
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var run)
            ? new OfferLink(parts[1], parts[2], run, parts[4], message.ExpiresAt)
            : null;
    }

    public static string Sign(ReadOnlySpan<byte> masterKey, OfferLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return SignedPayloads.Sign(masterKey, Version, Purpose, link.ClinicId,
            new Payload(link.ClinicId, link.OpeningId, link.Run, link.EntryId, link.ExpiresAt.ToUnixTimeSeconds()));
    }

    /// <summary>The link a token stands for, or null when it is malformed or its signature does not check.</summary>
    public static OfferLink? Read(ReadOnlySpan<byte> masterKey, string? token) =>
        SignedPayloads.Read<Payload>(masterKey, Version, Purpose, token, p => p.C) is { O.Length: > 0, E.Length: > 0 } p
            ? new OfferLink(p.C, p.O, p.R, p.E, DateTimeOffset.FromUnixTimeSeconds(p.X))
            : null;
}
