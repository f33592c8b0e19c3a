using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// The token of a <see cref="RecallLink"/>: "r1.{payload}.{signature}", signed like a visit link (<see cref="VisitLinks.Mac"/>)
/// under a key of its own kind and clinic, so a visit link never checks as a recall link or the other way round. Pure.
/// </summary>
public static class RecallLinks
{
    /// <summary>Who books with a recall link, in the visit's history and the audit log.</summary>
    public const string Actor = "patient via recall link";

    public const string UsedMessage = "This link was already used to book a visit.";

    private const string Version = "r1";
    private const string Purpose = "recall link";

    private sealed record Payload(string C, string P, string L, string T, string Y, long E, string N);

    public static string Sign(ReadOnlySpan<byte> masterKey, RecallLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(link.ClinicId, link.PatientId, link.PlanId,
            link.TherapistId, link.VisitTypeCode, link.ExpiresAt.ToUnixTimeSeconds(), link.Nonce)));
        var signed = $"{Version}.{payload}";
        return $"{signed}.{Base64Url.EncodeToString(VisitLinks.Mac(masterKey, Purpose, link.ClinicId, signed))}";
    }

    /// <summary>The link a token stands for, or null when it is malformed or its signature does not check.</summary>
    public static RecallLink? Read(ReadOnlySpan<byte> masterKey, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return null;
        }

        try
        {
            var p = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[1]));
            if (p is not { C.Length: > 0, P.Length: > 0, L.Length: > 0, T.Length: > 0, Y.Length: > 0, N.Length: > 0 })
            {
                return null;
            }

            var expected = VisitLinks.Mac(masterKey, Purpose, p.C, $"{parts[0]}.{parts[1]}");
            return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]))
                ? new RecallLink(p.C, p.P, p.L, p.T, p.Y, DateTimeOffset.FromUnixTimeSeconds(p.E), p.N)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
