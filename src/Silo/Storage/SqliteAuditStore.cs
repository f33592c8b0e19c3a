using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using PtHub.Grains.Audit;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// The audit log in the embedded SQLite database (table <c>pthub_audit</c>, created by <see cref="SchemaInstaller"/>).
/// Writes take turns with grain state at the node's <see cref="SqliteWriteGate"/>; reads run beside them (WAL mode).
/// </summary>
internal sealed class SqliteAuditStore : IAuditStore
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private const string Columns = "chain, seq, at, user_id, role, clinic_id, patient_id, action, resource, outcome, source, prev_hash, hash";

    /// <summary>
    /// The columns read back: the entry's, then its disclosed patients joined by the unit separator (no id holds one;
    /// the reader sorts them, since group_concat promises no order).
    /// </summary>
    private const string SelectColumns = """
        a.chain, a.seq, a.at, a.user_id, a.role, a.clinic_id, a.patient_id, a.action, a.resource, a.outcome, a.source, a.prev_hash, a.hash,
        (SELECT group_concat(p.patient_id, char(31)) FROM pthub_audit_patients p WHERE p.chain = a.chain AND p.seq = a.seq)
        """;

    private const string AppendPatientSql = "INSERT INTO pthub_audit_patients (chain, seq, patient_id) VALUES (@chain, @seq, @patient_id)";

    // A plain INSERT: a sequence already taken must fail the batch, never be skipped, or the chain would fork.
    private const string AppendSql = $"""
        INSERT INTO pthub_audit ({Columns})
        VALUES (@chain, @seq, @at, @user_id, @role, @clinic_id, @patient_id, @action, @resource, @outcome, @source, @prev_hash, @hash)
        """;

    private readonly string _connectionString;
    private readonly SqliteWriteGate? _gate;

    public SqliteAuditStore(string connectionString, SqliteWriteGate? gate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _gate = gate;
    }

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        _gate is null ? AppendNowAsync(entries, cancellationToken) : _gate.RunAsync(() => AppendNowAsync(entries, cancellationToken));

    private async Task AppendNowAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AppendSql;
        var chain = command.Parameters.Add("@chain", SqliteType.Text);
        var seq = command.Parameters.Add("@seq", SqliteType.Integer);
        var at = command.Parameters.Add("@at", SqliteType.Text);
        var userId = command.Parameters.Add("@user_id", SqliteType.Text);
        var role = command.Parameters.Add("@role", SqliteType.Text);
        var clinicId = command.Parameters.Add("@clinic_id", SqliteType.Text);
        var patientId = command.Parameters.Add("@patient_id", SqliteType.Text);
        var action = command.Parameters.Add("@action", SqliteType.Text);
        var resource = command.Parameters.Add("@resource", SqliteType.Text);
        var outcome = command.Parameters.Add("@outcome", SqliteType.Text);
        var source = command.Parameters.Add("@source", SqliteType.Text);
        var prevHash = command.Parameters.Add("@prev_hash", SqliteType.Text);
        var hash = command.Parameters.Add("@hash", SqliteType.Text);
        await using var disclosed = connection.CreateCommand();
        disclosed.Transaction = transaction;
        disclosed.CommandText = AppendPatientSql;
        var disclosedChain = disclosed.Parameters.Add("@chain", SqliteType.Text);
        var disclosedSeq = disclosed.Parameters.Add("@seq", SqliteType.Integer);
        var disclosedPatient = disclosed.Parameters.Add("@patient_id", SqliteType.Text);

        foreach (var e in entries)
        {
            chain.Value = e.Chain;
            seq.Value = e.Sequence;
            at.Value = SqliteVisitEventLog.FormatTimestamp(e.At);
            userId.Value = e.UserId;
            role.Value = e.Role;
            clinicId.Value = (object?)e.ClinicId ?? DBNull.Value;
            patientId.Value = (object?)e.PatientId ?? DBNull.Value;
            action.Value = e.Action;
            resource.Value = e.Resource;
            outcome.Value = e.Outcome;
            source.Value = e.Source;
            prevHash.Value = e.PreviousHash;
            hash.Value = e.Hash;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var patient in e.Patients ?? ValueList<string>.Empty)
            {
                disclosedChain.Value = e.Chain;
                disclosedSeq.Value = e.Sequence;
                disclosedPatient.Value = patient;
                await disclosed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditChainHead> GetChainHeadAsync(string chain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chain);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM pthub_audit WHERE chain = @chain ORDER BY seq DESC LIMIT 1";
        command.Parameters.Add("@chain", SqliteType.Text).Value = chain;
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

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {SelectColumns} FROM pthub_audit a WHERE a.chain = @chain");
        command.Parameters.Add("@chain", SqliteType.Text).Value = query.Chain;
        if (query.PatientId is { } patientId)
        {
            // Named by the entry, or among the patients a bulk read disclosed.
            sql.Append(" AND (a.patient_id = @patient_id OR EXISTS (SELECT 1 FROM pthub_audit_patients p WHERE p.patient_id = @patient_id AND p.chain = a.chain AND p.seq = a.seq))");
            command.Parameters.Add("@patient_id", SqliteType.Text).Value = patientId;
        }

        if (query.UserId is { } userId)
        {
            sql.Append(" AND a.user_id = @user_id");
            command.Parameters.Add("@user_id", SqliteType.Text).Value = userId;
        }

        if (query.From is { } from)
        {
            sql.Append(" AND a.at >= @from");
            command.Parameters.Add("@from", SqliteType.Text).Value = SqliteVisitEventLog.FormatTimestamp(from);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND a.at < @to");
            command.Parameters.Add("@to", SqliteType.Text).Value = SqliteVisitEventLog.FormatTimestamp(to);
        }

        sql.Append(query.NewestFirst ? " ORDER BY a.seq DESC" : " ORDER BY a.seq").Append(" LIMIT @limit");
        command.Parameters.Add("@limit", SqliteType.Integer).Value = query.Limit;
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SelectColumns} FROM pthub_audit a WHERE a.chain = @chain ORDER BY a.seq";
        command.Parameters.Add("@chain", SqliteType.Text).Value = chain;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    public async Task<IReadOnlyList<string>> ListChainsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT chain FROM pthub_audit";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var chains = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chains.Add(reader.GetString(0));
        }

        chains.Sort(StringComparer.Ordinal);
        return chains;
    }

    private static AuditEntry Read(SqliteDataReader reader) => new(
        Chain: reader.GetString(0),
        Sequence: reader.GetInt64(1),
        At: SqliteVisitEventLog.ParseTimestamp(reader.GetString(2)),
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
        Patients: reader.IsDBNull(13) ? null : AuditHash.NormalizePatients(reader.GetString(13).Split('\u001f')));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
