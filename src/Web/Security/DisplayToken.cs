using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// A lobby display's bearer token: "pthd.{clinic id, base64url}.{display id}.{secret}". The clinic and display
/// say which grain to ask; only the secret's SHA-256 is stored, so a copy of the database opens no display.
/// </summary>
public static class DisplayToken
{
    private const string Prefix = "pthd";

    /// <summary>A new random secret (256 bits) and the hash to store.</summary>
    public static (string Secret, byte[] Hash) NewSecret()
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret));
    }

    public static string Format(string clinicId, string displayId, string secret) =>
        $"{Prefix}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(clinicId))}.{displayId}.{secret}";

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool TryParse(string token, out string clinicId, out string displayId, out string secret)
    {
        clinicId = displayId = secret = "";
        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Prefix || parts[2].Length != 32 || parts[3].Length is < 40 or > 64)
        {
            return false;
        }

        try
        {
            clinicId = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }

        displayId = parts[2];
        secret = parts[3];
        return clinicId.Length is > 0 and <= 64 && !clinicId.Contains(GrainKeys.Separator, StringComparison.Ordinal)
            && displayId.All(char.IsAsciiHexDigitLower);
    }
}
