using System.Globalization;
using System.Text;

namespace PtHub.Grains.Contracts;

/// <summary>
/// How names are compared for search and duplicate checks: accents dropped (José = Jose), case folded, apostrophes
/// dropped (O'Brien = obrien), any other mark a word break (Smith-Jones = smith jones).
/// </summary>
public static class PatientNames
{
    public static string Fold(string? text) => string.Join(' ', Words(text));

    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The digits of a phone number, whatever its formatting.</summary>
    public static string Digits(string? phone) => phone is null ? "" : string.Concat(phone.Where(char.IsAsciiDigit));

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/> (an index range's end).</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
