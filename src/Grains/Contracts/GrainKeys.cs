using System.Globalization;

namespace PtHub.Grains.Contracts;

/// <summary>Composite grain keys. '|' cannot appear in ids (the API refuses it), so keys split unambiguously.</summary>
public static class GrainKeys
{
    public const char Separator = '|';

    public static string ClinicDay(string clinicId, DateOnly date) =>
        $"{clinicId}{Separator}{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string Room(string clinicId, string roomId) => $"{clinicId}{Separator}{roomId}";

    public static string Therapist(string clinicId, string therapistId) => $"{clinicId}{Separator}{therapistId}";

    /// <summary>The offers of one opening (its id is the freed visit's).</summary>
    public static string Offer(string clinicId, string openingId) => $"{clinicId}{Separator}{openingId}";

    public static (string ClinicId, string LocalId) Split(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return (key[..at], key[(at + 1)..]);
    }

    public static (string ClinicId, DateOnly Date) SplitClinicDay(string key)
    {
        var (clinicId, day) = Split(key);
        return (clinicId, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
