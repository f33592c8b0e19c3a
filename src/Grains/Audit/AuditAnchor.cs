using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PtHub.Grains.Audit;

/// <summary>
/// Signed heads of audit chains. The signature is lowercase hex of HMAC-SHA256, keyed with the configured anchor
/// key, over the UTF-8 of "pthub-audit-head/1", the chain, the sequence (invariant digits) and the hash, each
/// followed by a line feed. Without the key nobody can sign a head that a rewritten or shortened chain would match.
/// </summary>
public static class AuditAnchor
{
    /// <summary>The action of the entry that records a chain's signed head inside the chain itself.</summary>
    public const string Action = "audit.anchor";

    public const string FormatTag = "pthub-audit-head/1";

    private const string ResourcePrefix = "head ";

    private const string MacPrefix = "hmac-sha256:";

    public static string Sign(ReadOnlySpan<byte> key, string chain, long sequence, string hash)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{FormatTag}\n{chain}\n{sequence}\n{hash}\n");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    public static bool IsSigned(ReadOnlySpan<byte> key, string chain, long sequence, string hash, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, chain, sequence, hash)), Encoding.ASCII.GetBytes(mac));

    /// <summary>The anchor entry's resource: "head {sequence} {hash} hmac-sha256:{mac}".</summary>
    public static string Resource(long sequence, string hash, string mac) =>
        string.Create(CultureInfo.InvariantCulture, $"{ResourcePrefix}{sequence} {hash} {MacPrefix}{mac}");

    /// <summary>The head an anchor entry's resource names; null when it is not one.</summary>
    public static (long Sequence, string Hash, string Mac)? ParseResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var parts = resource.Split(' ');
        return parts.Length == 4 && parts[0] + " " == ResourcePrefix && parts[3].StartsWith(MacPrefix, StringComparison.Ordinal)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? (sequence, parts[2], parts[3][MacPrefix.Length..])
            : null;
    }
}
