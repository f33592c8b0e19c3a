using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace PtHub.Grains.Communication;

/// <summary>
/// The one shape of PtHub's patient link tokens with a payload (visit, recall and offer links): "{version}.{payload}.{signature}",
/// the payload a small JSON record in base64url, the signature <see cref="VisitLinks.Mac"/> of "{version}.{payload}" under
/// a key of the link's kind (<c>purpose</c>) and clinic. Each kind keeps its own version, purpose and payload record, and
/// checks its own fields. Pure.
/// </summary>
internal static class SignedPayloads
{
    private const int MaxTokenLength = 2048;

    public static string Sign<T>(ReadOnlySpan<byte> masterKey, string version, string purpose, string clinicId, T payload)
    {
        var signed = $"{version}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        return $"{signed}.{Base64Url.EncodeToString(VisitLinks.Mac(masterKey, purpose, clinicId, signed))}";
    }

    /// <summary>
    /// The payload of a token of this version, or null when it is malformed, <paramref name="clinicOf"/> finds no clinic in
    /// it, or its signature does not check under that clinic's key.
    /// </summary>
    public static T? Read<T>(ReadOnlySpan<byte> masterKey, string version, string purpose, string? token, Func<T, string?> clinicOf)
        where T : class
    {
        var parts = token is { Length: > 0 and <= MaxTokenLength } ? token.Split('.') : [];
        if (parts.Length != 3 || parts[0] != version)
        {
            return null;
        }

        try
        {
            if (JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(parts[1])) is not { } payload || clinicOf(payload) is not { Length: > 0 } clinicId)
            {
                return null;
            }

            var expected = VisitLinks.Mac(masterKey, purpose, clinicId, $"{parts[0]}.{parts[1]}");
            return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])) ? payload : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
