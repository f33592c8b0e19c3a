using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
            new Payload(link.ClinicId, link.OpeningId, link.Run, link.EntryId, link.ExpiresAt.ToUnixTimeSeconds())));
        var signed = $"{Version}.{payload}";
        return $"{signed}.{Base64Url.EncodeToString(VisitLinks.Mac(masterKey, Purpose, link.ClinicId, signed))}";
    }

    /// <summary>The link a token stands for, or null when it is malformed or its signature does not check.</summary>
    public static OfferLink? Read(ReadOnlySpan<byte> masterKey, string? token)
    {
        var parts = token is { Length: > 0 and <= 2048 } ? token.Split('.') : [];
        if (parts.Length != 3 || parts[0] != Version)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[1]));
            if (payload is not { C.Length: > 0, O.Length: > 0, E.Length: > 0 })
            {
                return null;
            }

            var expected = VisitLinks.Mac(masterKey, Purpose, payload.C, $"{parts[0]}.{parts[1]}");
            return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]))
                ? new OfferLink(payload.C, payload.O, payload.R, payload.E, DateTimeOffset.FromUnixTimeSeconds(payload.X))
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
