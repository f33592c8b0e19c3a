using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>The audit log in PostgreSQL (table <c>pthub_audit</c>, created by <see cref="SchemaInstaller"/>).</summary>
internal sealed class PostgreSqlAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private const string Columns = "chain, seq, at, user_id, role, clinic_id, patient_id, action, resource, outcome, source, prev_hash, hash";

    /// <summary>The columns read back: the entry's, then its disclosed patients (sorted by the reader: ordinal, not the collation's order).</summary>
    private const string SelectColumns = """
        a.chain, a.seq, a.at, a.user_id, a.role, a.clinic_id, a.patient_id, a.action, a.resource, a.outcome, a.source, a.prev_hash, a.hash,
        (SELECT array_agg(p.patient_id) FROM pthub_audit_patients p WHERE p.chain = a.chain AND p.seq = a.seq)
        """;

    // The disclosed patients of the batch, flattened to (chain, seq, patient) rows, inserted by the same statement so
    // they commit with their entries or not at all.
    private const string AppendPatientsSql = """
        INSERT INTO pthub_audit_patients (chain, seq, patient_id)
        SELECT * FROM unnest(@p_chain, @p_seq, @p_patient)
        """;

    // One statement inserts the whole batch, so it commits as one transaction. No ON CONFLICT: a sequence already
    // taken (another activation of the chain wrote it) must fail the batch, or the chain would fork.
    private const string AppendSql = $"""
        INSERT INTO pthub_audit ({Columns})
        SELECT *
          FROM unnest(@chain, @seq, @at, @user_id, @role, @clinic_id, @patient_id, @action, @resource, @outcome,
                      @source, @prev_hash, @hash)
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand(AppendSql);
        AddArray(command, "chain", NpgsqlDbType.Text, entries, e => e.Chain);
        AddArray(command, "seq", NpgsqlDbType.Bigint, entries, e => e.Sequence);
        // timestamptz only accepts UTC values from Npgsql.
        AddArray(command, "at", NpgsqlDbType.TimestampTz, entries, e => e.At.ToUniversalTime());
        AddArray(command, "user_id", NpgsqlDbType.Text, entries, e => e.UserId);
        AddArray(command, "role", NpgsqlDbType.Text, entries, e => e.Role);
        AddArray(command, "clinic_id", NpgsqlDbType.Text, entries, e => e.ClinicId);
        AddArray(command, "patient_id", NpgsqlDbType.Text, entries, e => e.PatientId);
        AddArray(command, "action", NpgsqlDbType.Text, entries, e => e.Action);
        AddArray(command, "resource", NpgsqlDbType.Text, entries, e => e.Resource);
        AddArray(command, "outcome", NpgsqlDbType.Text, entries, e => e.Outcome);
        AddArray(command, "source", NpgsqlDbType.Text, entries, e => e.Source);
        AddArray(command, "prev_hash", NpgsqlDbType.Text, entries, e => e.PreviousHash);
        AddArray(command, "hash", NpgsqlDbType.Text, entries, e => e.Hash);
        var disclosed = entries.SelectMany(e => (e.Patients ?? ValueList<string>.Empty).Select(p => (e.Chain, e.Sequence, Patient: p))).ToArray();
        if (disclosed.Length > 0)
        {
            // A data-modifying CTE: the entries and their patients in one statement, hence one transaction.
            command.CommandText = $"WITH entries AS ({AppendSql}) {AppendPatientsSql}";
            command.Parameters.Add(new NpgsqlParameter<string[]>("p_chain", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. disclosed.Select(d => d.Chain)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("p_seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. disclosed.Select(d => d.Sequence)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("p_patient", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. disclosed.Select(d => d.Patient)] });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditChainHead> GetChainHeadAsync(string chain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chain);
        await using var command = _dataSource.CreateCommand("SELECT seq, hash FROM pthub_audit WHERE chain = @chain ORDER BY seq DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string>("chain", NpgsqlDbType.Text) { TypedValue = chain });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1))
            : AuditChainHead.Empty;
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, AuditQuery.MaxLimit);

        await using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {SelectColumns} FROM pthub_audit a WHERE a.chain = @chain");
        command.Parameters.Add(new NpgsqlParameter<string>("chain", NpgsqlDbType.Text) { TypedValue = query.Chain });
        if (query.PatientId is { } patientId)
        {
            // Named by the entry, or among the patients a bulk read disclosed.
            sql.Append(" AND (a.patient_id = @patient_id OR EXISTS (SELECT 1 FROM pthub_audit_patients p WHERE p.patient_id = @patient_id AND p.chain = a.chain AND p.seq = a.seq))");
            command.Parameters.Add(new NpgsqlParameter<string>("patient_id", NpgsqlDbType.Text) { TypedValue = patientId });
        }

        if (query.UserId is { } userId)
        {
            sql.Append(" AND a.user_id = @user_id");
            command.Parameters.Add(new NpgsqlParameter<string>("user_id", NpgsqlDbType.Text) { TypedValue = userId });
        }

        if (query.From is { } from)
        {
            sql.Append(" AND a.at >= @from");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", NpgsqlDbType.TimestampTz) { TypedValue = from.ToUniversalTime() });
        }

        if (query.To is { } to)
        {
            sql.Append(" AND a.at < @to");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", NpgsqlDbType.TimestampTz) { TypedValue = to.ToUniversalTime() });
        }

        sql.Append(query.NewestFirst ? " ORDER BY a.seq DESC" : " ORDER BY a.seq").Append(" LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = query.Limit });
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public async IAsyncEnumerable<AuditEntry> ReadChainAsync(string chain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chain);
        await using var command = _dataSource.CreateCommand($"SELECT {SelectColumns} FROM pthub_audit a WHERE a.chain = @chain ORDER BY a.seq");
        command.Parameters.Add(new NpgsqlParameter<string>("chain", NpgsqlDbType.Text) { TypedValue = chain });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    public async Task<IReadOnlyList<string>> ListChainsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT DISTINCT chain FROM pthub_audit");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var chains = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chains.Add(reader.GetString(0));
        }

        chains.Sort(StringComparer.Ordinal);
        return chains;
    }

    private static AuditEntry Read(NpgsqlDataReader reader) => new(
        Chain: reader.GetString(0),
        Sequence: reader.GetInt64(1),
        At: reader.GetFieldValue<DateTimeOffset>(2),
        UserId: reader.GetString(3),
        Role: reader.GetString(4),
        ClinicId: reader.IsDBNull(5) ? null : reader.GetString(5),
        PatientId: reader.IsDBNull(6) ? null : reader.GetString(6),
        Action: reader.GetString(7),
        Resource: reader.GetString(8),
        Outcome: reader.GetString(9),
        Source: reader.GetString(10),
        PreviousHash: reader.GetString(11),
        Hash: reader.GetString(12),
        Patients: reader.IsDBNull(13) ? null : AuditHash.NormalizePatients(reader.GetFieldValue<string[]>(13)));

    private static void AddArray<T>(NpgsqlCommand command, string name, NpgsqlDbType elementType, IReadOnlyList<AuditEntry> entries, Func<AuditEntry, T> field)
    {
        var values = new T[entries.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = field(entries[i]);
        }

        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values });
    }
}
