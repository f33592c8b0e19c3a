using System.Globalization;
using Microsoft.Data.Sqlite;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// The visit event log in the embedded SQLite database (table <c>pthub_visit_events</c>, created by
/// <see cref="SchemaInstaller"/>). It shares the file with the Orleans grain storage, so every connection sets a busy
/// timeout: a writer waits for the other one instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteVisitEventLog : IVisitEventLog
{
    private const int BusyTimeoutMilliseconds = 10_000;

    // ON CONFLICT names the (visit_id, seq) key so re-sent events are skipped while any other constraint
    // violation (a NULL in a required column) still fails, which INSERT OR IGNORE would swallow.
    private const string AppendSql = """
        INSERT INTO pthub_visit_events
            (clinic_id, visit_id, seq, occurred_at, actor, command, from_status, to_status, room_id, therapist_id, detail)
        VALUES
            (@clinic_id, @visit_id, @seq, @occurred_at, @actor, @command, @from_status, @to_status, @room_id, @therapist_id, @detail)
        ON CONFLICT (visit_id, seq) DO NOTHING
        """;

    private const string ReadVisitSql = """
        SELECT clinic_id, visit_id, seq, occurred_at, actor, command, from_status, to_status, room_id, therapist_id, detail
          FROM pthub_visit_events
         WHERE visit_id = @visit_id
         ORDER BY seq
        """;

    private readonly string _connectionString;
    private readonly SqliteWriteGate? _gate;

    public SqliteVisitEventLog(string connectionString, SqliteWriteGate? gate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _gate = gate;
    }

    /// <summary>Appends under the node's SQLite write gate when there is one, so grain state and events take turns.</summary>
    public Task AppendAsync(IReadOnlyList<VisitEventRecord> events, VisitKpiFact? facts, CancellationToken cancellationToken = default) =>
        _gate is null ? AppendNowAsync(events, facts, cancellationToken) : _gate.RunAsync(() => AppendNowAsync(events, facts, cancellationToken));

    private async Task AppendNowAsync(IReadOnlyList<VisitEventRecord> events, VisitKpiFact? facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default): take the write lock up front, so the busy timeout
        // applies to the wait and the transaction cannot fail later when upgrading a read lock.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AppendSql;
        var clinicId = command.Parameters.Add("@clinic_id", SqliteType.Text);
        var visitId = command.Parameters.Add("@visit_id", SqliteType.Text);
        var seq = command.Parameters.Add("@seq", SqliteType.Integer);
        var occurredAt = command.Parameters.Add("@occurred_at", SqliteType.Text);
        var actor = command.Parameters.Add("@actor", SqliteType.Text);
        var commandName = command.Parameters.Add("@command", SqliteType.Text);
        var fromStatus = command.Parameters.Add("@from_status", SqliteType.Text);
        var toStatus = command.Parameters.Add("@to_status", SqliteType.Text);
        var roomId = command.Parameters.Add("@room_id", SqliteType.Text);
        var therapistId = command.Parameters.Add("@therapist_id", SqliteType.Text);
        var detail = command.Parameters.Add("@detail", SqliteType.Text);

        foreach (var e in events)
        {
            clinicId.Value = e.ClinicId;
            visitId.Value = e.VisitId;
            seq.Value = e.Sequence;
            occurredAt.Value = FormatTimestamp(e.OccurredAt);
            actor.Value = e.Actor;
            commandName.Value = e.Command;
            fromStatus.Value = (object?)e.FromStatus ?? DBNull.Value;
            toStatus.Value = e.ToStatus;
            roomId.Value = (object?)e.RoomId ?? DBNull.Value;
            therapistId.Value = (object?)e.TherapistId ?? DBNull.Value;
            detail.Value = (object?)e.Detail ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (facts is not null)
        {
            await KpiRollupSql.ApplyAsync(connection, transaction, facts, postgreSql: false, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> LastSequenceAsync(string visitId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM pthub_visit_events WHERE visit_id = @visit_id";
        command.Parameters.AddWithValue("@visit_id", visitId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitId);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadVisitSql;
        command.Parameters.Add("@visit_id", SqliteType.Text).Value = visitId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var result = new List<VisitEventRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new VisitEventRecord(
                ClinicId: reader.GetString(0),
                VisitId: reader.GetString(1),
                Sequence: reader.GetInt32(2),
                OccurredAt: ParseTimestamp(reader.GetString(3)),
                Actor: reader.GetString(4),
                Command: reader.GetString(5),
                FromStatus: reader.IsDBNull(6) ? null : reader.GetString(6),
                ToStatus: reader.GetString(7),
                RoomId: reader.IsDBNull(8) ? null : reader.GetString(8),
                TherapistId: reader.IsDBNull(9) ? null : reader.GetString(9),
                Detail: reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return result;
    }

    /// <summary>UTC in the round-trip format, e.g. 2026-03-01T09:30:00.0000000Z (fixed width, sorts in time order).</summary>
    internal static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

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
