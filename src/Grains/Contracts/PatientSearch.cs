using System.Globalization;
using System.Text.RegularExpressions;

namespace PtHub.Grains.Contracts;

/// <summary>
/// What a search box's text asks for: name words (folded prefixes, any order), a birth date (yyyy-mm-dd or m/d/yyyy),
/// or the trailing digits of a phone number (4 or more, any formatting).
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.PatientSearch")]
public sealed partial record PatientSearch(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] PatientSearchKind Kind,
    [property: Id(2)] ValueList<string> Words,
    [property: Id(3)] DateOnly? BirthDate,
    [property: Id(4)] string? PhoneDigits,
    [property: Id(5)] int Limit)
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int MaxWords = 4;
    public const int MinPhoneDigits = 4;
    public const int DefaultLimit = 20;

    /// <summary>The search, or why the text cannot be one (a sentence for the person typing).</summary>
    public static (PatientSearch? Search, string? Error) Parse(string clinicId, string? text, int limit = DefaultLimit)
    {
        var q = text?.Trim() ?? "";
        if (q.Length == 0)
        {
            return (null, "Type part of a name, a birth date (yyyy-mm-dd or m/d/yyyy) or 4 or more digits of a phone number.");
        }

        if (q.Length < MinLength)
        {
            return (null, $"Type at least {MinLength} characters.");
        }

        if (q.Length > MaxLength)
        {
            return (null, $"A search has at most {MaxLength} characters.");
        }

        if (IsoDate().IsMatch(q) || UsDate().IsMatch(q))
        {
            var formats = new[] { "yyyy-MM-dd", "M/d/yyyy" };
            return DateOnly.TryParseExact(q, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
                ? (new PatientSearch(clinicId, PatientSearchKind.BirthDate, [], born, null, limit), null)
                : (null, $"'{q}' is not a date: use yyyy-mm-dd or m/d/yyyy.");
        }

        if (PhoneLike().IsMatch(q))
        {
            var digits = PatientNames.Digits(q);
            return digits.Length >= MinPhoneDigits
                ? (new PatientSearch(clinicId, PatientSearchKind.Phone, [], null, digits, limit), null)
                : (null, $"A phone search needs at least {MinPhoneDigits} digits.");
        }

        var words = PatientNames.Words(q);
        if (words.Count == 0)
        {
            return (null, "A name search needs letters or digits.");
        }

        return words.Count > MaxWords
            ? (null, $"A name search has at most {MaxWords} words.")
            : (new PatientSearch(clinicId, PatientSearchKind.Name, words.ToValueList(), null, null, limit), null);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{4}$")]
    private static partial Regex UsDate();

    [GeneratedRegex(@"^[\s\-\.\(\)\+]*\d[\d\s\-\.\(\)\+]*$")]
    private static partial Regex PhoneLike();
}
