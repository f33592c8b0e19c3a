using PtHub.Grains.Storage;

namespace PtHub.Bench.Search;

/// <summary>Made-up patients: common first names, last names from syllables (many distinct, some shared), accents included.</summary>
internal static class SyntheticPatients
{
    private static readonly string[] First =
    [
        "José", "María", "Ana", "John", "Mary", "Robert", "Linda", "Michael", "Barbara", "William", "Elizabeth", "David", "Jennifer",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chloé", "Zoë", "Renée", "André", "Noah", "Emma", "Liam", "Olivia",
        "Mateo", "Sofía", "Lucas", "Mia", "Ethan", "Amelia", "Jakub", "Zofia", "Omar", "Fatima", "Wei", "Mei", "Aarav", "Priya",
    ];

    private static readonly string[] Syllables =
    [
        "sm", "ith", "gar", "cía", "mar", "tin", "son", "lee", "wal", "ker", "ro", "dri", "guez", "hen", "der", "nuñ", "ez", "kow",
        "al", "ski", "ber", "ger", "mül", "ler", "ok", "af", "or", "na", "ka", "mu", "ra", "by", "rne", "van", "dyk",
    ];

    public static List<PatientIndexEntry> Clinic(string clinicId, int count, Random random)
    {
        var patients = new List<PatientIndexEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var last = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var born = new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 90));
            var phone = $"({random.Next(200, 999)}) {random.Next(200, 999)}-{random.Next(10_000):0000}";
            patients.Add(new PatientIndexEntry(clinicId, $"{clinicId}-p{i}", First[random.Next(First.Length)],
                char.ToUpperInvariant(last[0]) + last[1..], born, phone));
        }

        return patients;
    }
}
