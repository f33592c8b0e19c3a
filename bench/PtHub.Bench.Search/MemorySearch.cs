using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Bench.Search;

/// <summary>
/// The baseline: the same matching and ranking over every patient of the clinic held in memory (what scanning the
/// clinic's patients would do, minus reading them). A full scan per keystroke.
/// </summary>
internal sealed class MemorySearch(IReadOnlyList<PatientIndexEntry> patients)
{
    private readonly Row[] _rows = [.. patients.Select(p => new Row(p, p.FirstFolded, p.LastFolded, p.Words, p.PhoneDigits))];

    public IReadOnlyList<PatientIndexEntry> Search(PatientSearch search)
    {
        var full = string.Join(' ', search.Words);
        var ranked = new List<(int Rank, Row Row)>();
        foreach (var row in _rows)
        {
            var rank = search.Kind switch
            {
                PatientSearchKind.BirthDate => row.Entry.BirthDate == search.BirthDate ? 10 : 0,
                PatientSearchKind.Phone => row.Digits == search.PhoneDigits ? 30 : row.Digits.EndsWith(search.PhoneDigits!, StringComparison.Ordinal) ? 10 : 0,
                _ => NameRank(row, search.Words, full),
            };
            if (rank > 0)
            {
                ranked.Add((rank, row));
            }
        }

        return [.. ranked.OrderByDescending(r => r.Rank).ThenBy(r => r.Row.Last, StringComparer.Ordinal).ThenBy(r => r.Row.First, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Entry.PatientId, StringComparer.Ordinal)
            .Take(search.Limit).Select(r => r.Row.Entry)];
    }

    private static int NameRank(Row row, IReadOnlyList<string> words, string full)
    {
        if (!words.All(w => row.Words.Any(x => x.StartsWith(w, StringComparison.Ordinal))))
        {
            return 0;
        }

        if ($"{row.First} {row.Last}" == full || $"{row.Last} {row.First}" == full)
        {
            return 30;
        }

        for (var i = 0; i < words.Count; i++)
        {
            for (var j = 0; j < words.Count; j++)
            {
                if (i != j && row.First.StartsWith(words[i], StringComparison.Ordinal) && row.Last.StartsWith(words[j], StringComparison.Ordinal))
                {
                    return 20;
                }
            }
        }

        return row.First == full || row.Last == full ? 11 : 10;
    }

    private sealed record Row(PatientIndexEntry Entry, string First, string Last, IReadOnlyList<string> Words, string Digits);
}
