using PtHub.Grains.Contracts;

namespace PtHub.Grains.Storage;

/// <summary>One patient's row in the search index: what is searched (folded names, birth date, phone digits) and shown.</summary>
public sealed record PatientIndexEntry(string ClinicId, string PatientId, string FirstName, string LastName, DateOnly BirthDate, string? Phone)
{
    public static PatientIndexEntry Of(PatientRecord record) => new(record.Details.ClinicId, record.PatientId,
        record.Details.FirstName, record.Details.LastName, record.Details.BirthDate, record.Details.Phone);

    public string FirstFolded => PatientNames.Fold(FirstName);

    public string LastFolded => PatientNames.Fold(LastName);

    public string PhoneDigits => PatientNames.Digits(Phone);

    /// <summary>The phone digits reversed, so "ends with 0142" is a prefix range on a B-tree index.</summary>
    public string PhoneReversed => new([.. PhoneDigits.Reverse()]);

    public string? PhoneLast4 => PhoneDigits.Length >= 4 ? PhoneDigits[^4..] : null;

    /// <summary>Every word of both names, once: the rows of the word table.</summary>
    public IReadOnlyList<string> Words => [.. PatientNames.Words(FirstName).Concat(PatientNames.Words(LastName)).Distinct(StringComparer.Ordinal)];
}
