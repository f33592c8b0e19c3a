using System.Text;

namespace PtHub.Silo.Storage;

/// <summary>The patient index's SQL, the same text on SQLite and PostgreSQL (both have ON CONFLICT, substr, ||, LIMIT).</summary>
internal static class PatientIndexSql
{
    public const string UpsertEntry = """
        INSERT INTO pthub_patient_index
            (clinic_id, patient_id, first_name, last_name, first_folded, last_folded, birth_date, phone_digits, phone_reversed)
        VALUES (@clinic, @patient, @first, @last, @first_folded, @last_folded, @born, @digits, @reversed)
        ON CONFLICT (clinic_id, patient_id) DO UPDATE SET
            first_name = excluded.first_name, last_name = excluded.last_name, first_folded = excluded.first_folded,
            last_folded = excluded.last_folded, birth_date = excluded.birth_date, phone_digits = excluded.phone_digits,
            phone_reversed = excluded.phone_reversed
        """;

    public const string DeleteWords = "DELETE FROM pthub_patient_words WHERE clinic_id = @clinic AND patient_id = @patient";

    public const string DeleteEntry = "DELETE FROM pthub_patient_index WHERE clinic_id = @clinic AND patient_id = @patient";

    public const string InsertWord = """
        INSERT INTO pthub_patient_words (clinic_id, word, patient_id) VALUES (@clinic, @word, @patient)
        ON CONFLICT (clinic_id, word, patient_id) DO NOTHING
        """;

    public const string LinkVisit = """
        INSERT INTO pthub_patient_visits (visit_id, clinic_id, patient_id, visit_date) VALUES (@visit, @clinic, @patient, @date)
        ON CONFLICT (visit_id) DO UPDATE SET clinic_id = excluded.clinic_id, patient_id = excluded.patient_id, visit_date = excluded.visit_date
        """;

    public const string VisitsOf = """
        SELECT visit_id FROM pthub_patient_visits WHERE clinic_id = @clinic AND patient_id = @patient ORDER BY visit_date, visit_id
        """;

    public const string VisitsFrom = """
        SELECT visit_id FROM pthub_patient_visits WHERE clinic_id = @clinic AND patient_id = @patient AND visit_date >= @from ORDER BY visit_date, visit_id
        """;

    private const string Columns = "i.patient_id, i.first_name, i.last_name, i.birth_date, i.phone_digits";

    private const string Order = "ORDER BY rank DESC, i.last_folded, i.first_folded, i.patient_id LIMIT @limit";

    public const string ByBirthDate = $"""
        SELECT {Columns}, 10 AS rank FROM pthub_patient_index i
         WHERE i.clinic_id = @clinic AND i.birth_date = @born
         {Order}
        """;

    /// <summary>Trailing digits: a prefix range on the reversed digits. The whole number ranks above a number it ends.</summary>
    public const string ByPhone = $"""
        SELECT {Columns}, CASE WHEN i.phone_digits = @digits THEN 30 ELSE 10 END AS rank FROM pthub_patient_index i
         WHERE i.clinic_id = @clinic AND i.phone_reversed >= @from AND i.phone_reversed < @to
         {Order}
        """;

    /// <summary>Same folded names and birth date, or the same phone number: the two ways a front desk re-registers someone.</summary>
    public const string Duplicates = $"""
        SELECT {Columns}, 30 AS rank FROM pthub_patient_index i
         WHERE i.clinic_id = @clinic AND i.patient_id <> @patient
           AND ((i.birth_date = @born AND i.first_folded = @first_folded AND i.last_folded = @last_folded)
                OR (@reversed <> '' AND i.phone_reversed = @reversed))
         ORDER BY i.last_folded, i.first_folded, i.patient_id LIMIT 10
        """;

    /// <summary>
    /// A name search for words w0..wn-1 (folded). Every word must start some word of the first or last name (one
    /// prefix range per word on the (clinic_id, word) key, so only matching rows are read), in any order.
    /// Ranking, best first, because the desk usually types what it reads off a card or hears: 30 when the words are
    /// the whole name (first last, or last first: "jose smith"); 20 when one word starts the first name and another
    /// starts the last name ("smi jo" for José Smith); 11 when the words are exactly one of the names ("smith");
    /// 10 for the rest (one name matched by prefix: "smi"). Ties go alphabetically by last, then first name.
    /// </summary>
    public static string ByName(int words)
    {
        var pairs = new List<string>();
        for (var i = 0; i < words; i++)
        {
            for (var j = 0; j < words; j++)
            {
                if (i != j)
                {
                    pairs.Add($"(substr(i.first_folded, 1, @n{i}) = @w{i} AND substr(i.last_folded, 1, @n{j}) = @w{j})");
                }
            }
        }

        var sql = new StringBuilder($"""
            SELECT {Columns},
                   CASE WHEN i.first_folded || ' ' || i.last_folded = @full OR i.last_folded || ' ' || i.first_folded = @full THEN 30
                        WHEN {(pairs.Count == 0 ? "1 = 0" : string.Join(" OR ", pairs))} THEN 20
                        WHEN i.first_folded = @full OR i.last_folded = @full THEN 11
                        ELSE 10 END AS rank
              FROM pthub_patient_index i
             WHERE i.clinic_id = @clinic
            """);
        for (var k = 0; k < words; k++)
        {
            sql.Append(CultureInfoInvariant($"""

                   AND i.patient_id IN (SELECT w.patient_id FROM pthub_patient_words w
                                         WHERE w.clinic_id = @clinic AND w.word >= @w{k} AND w.word < @e{k})
                """));
        }

        sql.Append('\n').Append(Order);
        return sql.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
