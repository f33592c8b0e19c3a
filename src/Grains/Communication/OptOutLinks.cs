using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PtHub.Grains.Communication;

/// <summary>
/// The unsubscribe link at the end of every e-mail: "u1.{clinic}.{patient}.{signature}" (ids base64url), signed like a
/// visit link but under a key of its own kind. It does not expire and may be used again: opting out twice changes nothing. Pure.
/// </summary>
public static class OptOutLinks
{
    private const string Version = "u1";
    private const string Purpose = "opt-out link";

    public static string Sign(ReadOnlySpan<byte> masterKey, string clinicId, string patientId)
    {
        var signed = $"{Version}.{Encode(clinicId)}.{Encode(patientId)}";
        return $"{signed}.{Base64Url.EncodeToString(VisitLinks.Mac(masterKey, Purpose, clinicId, signed))}";
    }

    /// <summary>The clinic and patient a token names, or null when it is malformed or its signature does not check.</summary>
    public static (string ClinicId, string PatientId)? Read(ReadOnlySpan<byte> masterKey, string? token)
    {
        var parts = token is { Length: > 0 and <= 1024 } ? token.Split('.') : [];
        if (parts.Length != 4 || parts[0] != Version)
        {
            return null;
        }

        try
        {
            var clinicId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
            var patientId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2]));
            var expected = VisitLinks.Mac(masterKey, Purpose, clinicId, $"{parts[0]}.{parts[1]}.{parts[2]}");
            return clinicId.Length > 0 && patientId.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[3]))
                ? (clinicId, patientId)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id));
}
