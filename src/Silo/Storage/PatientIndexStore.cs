using System.Data.Common;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// The patient index over a <see cref="DbDataSource"/>; <see cref="SqlitePatientIndex"/> and
/// <see cref="PostgreSqlPatientIndex"/> differ only in how a date is stored and how writes take turns.
/// </summary>
internal abstract class PatientIndexStore(DbDataSource dataSource) : IPatientIndex
{
    /// <summary>A phone number is a duplicate sign only when it is a whole number, not an extension or a fragment.</summary>
    private const int DuplicatePhoneDigits = 7;

    protected abstract object DateValue(DateOnly date);

    protected abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    /// <summary>Runs a write; SQLite runs it under the node's write gate.</summary>
    protected virtual Task WriteAsync(Func<Task> write) => write();

    public Task UpsertAsync(PatientIndexEntry entry, CancellationToken cancellationToken = default) => UpsertManyAsync([entry], cancellationToken);

    /// <summary>Upserts many patients in one transaction (a rebuild, or the benchmark's load).</summary>
    public Task UpsertManyAsync(IReadOnlyList<PatientIndexEntry> entries, CancellationToken cancellationToken = default) => WriteAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await ExecuteAsync(connection, transaction, PatientIndexSql.UpsertEntry, cancellationToken,
                ("clinic", entry.ClinicId), ("patient", entry.PatientId), ("first", entry.FirstName), ("last", entry.LastName),
                ("first_folded", entry.FirstFolded), ("last_folded", entry.LastFolded), ("born", DateValue(entry.BirthDate)),
                ("digits", entry.PhoneDigits), ("reversed", entry.PhoneReversed));
            await ExecuteAsync(connection, transaction, PatientIndexSql.DeleteWords, cancellationToken, ("clinic", entry.ClinicId), ("patient", entry.PatientId));
            foreach (var word in entry.Words)
            {
                await ExecuteAsync(connection, transaction, PatientIndexSql.InsertWord, cancellationToken,
                    ("clinic", entry.ClinicId), ("word", word), ("patient", entry.PatientId));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task RemoveAsync(string clinicId, string patientId, CancellationToken cancellationToken = default) => WriteAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, PatientIndexSql.DeleteWords, cancellationToken, ("clinic", clinicId), ("patient", patientId));
        await ExecuteAsync(connection, transaction, PatientIndexSql.DeleteEntry, cancellationToken, ("clinic", clinicId), ("patient", patientId));
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task LinkVisitAsync(string clinicId, string visitId, string patientId, DateOnly date, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, PatientIndexSql.LinkVisit, cancellationToken,
                ("visit", visitId), ("clinic", clinicId), ("patient", patientId), ("date", DateValue(date)));
        });

    public Task<IReadOnlyList<string>> VisitsOfAsync(string clinicId, string patientId, CancellationToken cancellationToken = default) =>
        ReadVisitsAsync(Command(PatientIndexSql.VisitsOf, ("clinic", clinicId), ("patient", patientId)), cancellationToken);

    public Task<IReadOnlyList<string>> VisitsFromAsync(string clinicId, string patientId, DateOnly from, CancellationToken cancellationToken = default) =>
        ReadVisitsAsync(Command(PatientIndexSql.VisitsFrom, ("clinic", clinicId), ("patient", patientId), ("from", DateValue(from))), cancellationToken);

    private static async Task<IReadOnlyList<string>> ReadVisitsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var _ = command;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var visits = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            visits.Add(reader.GetString(0));
        }

        return visits;
    }

    public Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var limit = ("limit", (object)Math.Clamp(search.Limit, 1, 100));
        var clinic = ("clinic", (object)search.ClinicId);
        switch (search.Kind)
        {
            case PatientSearchKind.BirthDate:
                return ReadMatchesAsync(Command(PatientIndexSql.ByBirthDate, clinic, ("born", DateValue(search.BirthDate!.Value)), limit), cancellationToken);
            case PatientSearchKind.Phone:
                var reversed = new string([.. search.PhoneDigits!.Reverse()]);
                return ReadMatchesAsync(Command(PatientIndexSql.ByPhone, clinic, ("digits", search.PhoneDigits!), ("from", reversed),
                    ("to", PatientNames.PrefixEnd(reversed)), limit), cancellationToken);
            default:
                var parameters = new List<(string, object)> { clinic, limit, ("full", string.Join(' ', search.Words)) };
                for (var k = 0; k < search.Words.Count; k++)
                {
                    var word = search.Words[k];
                    parameters.AddRange([($"w{k}", word), ($"e{k}", PatientNames.PrefixEnd(word)), ($"n{k}", word.Length)]);
                }

                return ReadMatchesAsync(Command(PatientIndexSql.ByName(search.Words.Count), [.. parameters]), cancellationToken);
        }
    }

    public Task<IReadOnlyList<PatientMatch>> FindDuplicatesAsync(PatientIndexEntry candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var reversed = candidate.PhoneDigits.Length >= DuplicatePhoneDigits ? candidate.PhoneReversed : "";
        return ReadMatchesAsync(Command(PatientIndexSql.Duplicates, ("clinic", candidate.ClinicId), ("patient", candidate.PatientId),
            ("born", DateValue(candidate.BirthDate)), ("first_folded", candidate.FirstFolded), ("last_folded", candidate.LastFolded),
            ("reversed", reversed)), cancellationToken);
    }

    private async Task<IReadOnlyList<PatientMatch>> ReadMatchesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var matches = new List<PatientMatch>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var digits = reader.GetString(4);
                matches.Add(new PatientMatch(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadDate(reader, 3),
                    digits.Length >= 4 ? digits[^4..] : null, Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return matches;
        }
    }

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        AddParameters(command, parameters);
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddParameters(command, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameters(DbCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
