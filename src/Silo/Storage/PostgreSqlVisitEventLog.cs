using Npgsql;
using NpgsqlTypes;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// The visit event log in PostgreSQL (table <c>pthub_visit_events</c>, created by <see cref="SchemaInstaller"/>).
/// </summary>
internal sealed class PostgreSqlVisitEventLog(NpgsqlDataSource dataSource) : IVisitEventLog
{
    // One statement appends the whole batch; events already stored are skipped. The KPI facts and roll-up follow in the same transaction.
    private const string AppendSql = """
        INSERT INTO pthub_visit_events
            (clinic_id, visit_id, seq, occurred_at, actor, command, from_status, to_status, room_id, therapist_id, detail)
        SELECT *
          FROM unnest(@clinic_id, @visit_id, @seq, @occurred_at, @actor, @command,
                      @from_status, @to_status, @room_id, @therapist_id, @detail)
        ON CONFLICT (visit_id, seq) DO NOTHING
        """;

    private const string ReadVisitSql = """
        SELECT clinic_id, visit_id, seq, occurred_at, actor, command, from_status, to_status, room_id, therapist_id, detail
          FROM pthub_visit_events
         WHERE visit_id = @visit_id
         ORDER BY seq
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task AppendAsync(IReadOnlyList<VisitEventRecord> events, VisitKpiFact? facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var count = events.Count;
        var clinicIds = new string[count];
        var visitIds = new string[count];
        var seqs = new int[count];
        var occurredAt = new DateTimeOffset[count];
        var actors = new string[count];
        var commands = new string[count];
        var fromStatuses = new string?[count];
        var toStatuses = new string[count];
        var roomIds = new string?[count];
        var therapistIds = new string?[count];
        var details = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            clinicIds[i] = e.ClinicId;
            visitIds[i] = e.VisitId;
            seqs[i] = e.Sequence;
            // timestamptz only accepts UTC values from Npgsql.
            occurredAt[i] = e.OccurredAt.ToUniversalTime();
            actors[i] = e.Actor;
            commands[i] = e.Command;
            fromStatuses[i] = e.FromStatus;
            toStatuses[i] = e.ToStatus;
            roomIds[i] = e.RoomId;
            therapistIds[i] = e.TherapistId;
            details[i] = e.Detail;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(AppendSql, connection, transaction);
        AddArray(command, "clinic_id", NpgsqlDbType.Text, clinicIds);
        AddArray(command, "visit_id", NpgsqlDbType.Text, visitIds);
        AddArray(command, "seq", NpgsqlDbType.Integer, seqs);
        AddArray(command, "occurred_at", NpgsqlDbType.TimestampTz, occurredAt);
        AddArray(command, "actor", NpgsqlDbType.Text, actors);
        AddArray(command, "command", NpgsqlDbType.Text, commands);
        AddArray(command, "from_status", NpgsqlDbType.Text, fromStatuses);
        AddArray(command, "to_status", NpgsqlDbType.Text, toStatuses);
        AddArray(command, "room_id", NpgsqlDbType.Text, roomIds);
        AddArray(command, "therapist_id", NpgsqlDbType.Text, therapistIds);
        AddArray(command, "detail", NpgsqlDbType.Text, details);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (facts is not null)
        {
            await KpiRollupSql.ApplyAsync(connection, transaction, facts, postgreSql: true, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> LastSequenceAsync(string visitId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT COALESCE(MAX(seq), 0) FROM pthub_visit_events WHERE visit_id = @visit_id");
        command.Parameters.AddWithValue("visit_id", visitId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<VisitEventRecord>> ReadVisitAsync(string visitId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitId);

        await using var command = _dataSource.CreateCommand(ReadVisitSql);
        command.Parameters.Add(new NpgsqlParameter<string>("visit_id", NpgsqlDbType.Text) { TypedValue = visitId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var result = new List<VisitEventRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new VisitEventRecord(
                ClinicId: reader.GetString(0),
                VisitId: reader.GetString(1),
                Sequence: reader.GetInt32(2),
                OccurredAt: reader.GetFieldValue<DateTimeOffset>(3),
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

    private static void AddArray<T>(NpgsqlCommand command, string name, NpgsqlDbType elementType, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values });
}
