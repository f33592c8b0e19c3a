using System.Data.Common;
using System.Text.Json;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// The outbox over a <see cref="DbDataSource"/>; <see cref="SqliteOutboxStore"/> and <see cref="PostgreSqlOutboxStore"/>
/// differ in how a claim locks (one writer behind the gate, or <c>FOR UPDATE SKIP LOCKED</c>) and how writes take turns.
/// </summary>
internal abstract class OutboxStore(DbDataSource dataSource) : IOutboxStore
{
    /// <summary>One statement that leases due messages to @node until @until and returns them (<see cref="OutboxSql.Columns"/>).</summary>
    protected abstract string ClaimSql { get; }

    protected virtual Task<T> WriteAsync<T>(Func<Task<T>> write) => write();

    public Task PlanVisitAsync(string visitId, IReadOnlyList<OutboxMessage> wanted, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var pending = new List<string>();
            await using (var read = Command(connection, transaction, OutboxSql.PendingOfVisit, ("visit", visitId)))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    pending.Add(reader.GetString(0));
                }
            }

            var keep = wanted.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var key in pending.Where(k => !keep.Contains(k)))
            {
                await ExecuteAsync(connection, transaction, OutboxSql.Withdraw, cancellationToken, ("key", key), ("now", Ms(now)));
            }

            foreach (var message in wanted)
            {
                await InsertAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<int> WithdrawAsync(IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var withdrawn = 0;
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                withdrawn += await ExecuteAsync(connection, transaction, OutboxSql.Withdraw, cancellationToken, ("key", key), ("now", Ms(now)));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return withdrawn;
        });

    public Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => WriteAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await InsertAsync(connection, null, message, cancellationToken).ConfigureAwait(false) == 1;
    });

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string node, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, OutboxSql.SettleWithdrawing, cancellationToken, ("now", Ms(now)));
            await using var command = Command(connection, null, ClaimSql, ("node", node), ("now", Ms(now)), ("until", Ms(now + lease)), ("limit", limit));
            return await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false);
        });

    public Task<bool> RecordAsync(string node, OutboxAttempt attempt, OutboxStatus status, DateTimeOffset nextAttemptAt, MessageChannel channel,
        string? recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return WriteAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var updated = await ExecuteAsync(connection, transaction, OutboxSql.Record, cancellationToken,
                ("key", attempt.Key), ("node", node), ("status", Code(status)), ("next", Ms(nextAttemptAt)), ("error", (object?)attempt.Detail ?? DBNull.Value),
                ("channel", Code(channel)), ("recipient", (object?)recipient ?? DBNull.Value), ("at", Ms(attempt.At)),
                ("finished", status == OutboxStatus.Pending ? DBNull.Value : Ms(attempt.At)));
            if (updated == 0)
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, OutboxSql.InsertAttempt, cancellationToken, ("key", attempt.Key), ("attempt", attempt.Attempt),
                ("at", Ms(attempt.At)), ("node", attempt.Node), ("outcome", attempt.Outcome), ("detail", (object?)attempt.Detail ?? DBNull.Value));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string clinicId, string? patientId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, OutboxSql.List, ("clinic", clinicId), ("patient", patientId ?? ""), ("limit", Math.Clamp(limit, 1, 1000)));
        return await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboxMessage?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, OutboxSql.Get, ("key", key));
        return (await ReadMessagesAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<OutboxAttempt>> AttemptsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, OutboxSql.Attempts, ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var attempts = new List<OutboxAttempt>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(new OutboxAttempt(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                At(reader, 2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return attempts;
    }

    internal static string Code(OutboxStatus status) => status.ToString().ToLowerInvariant();

    internal static string Code(MessageChannel channel) => channel.ToString().ToLowerInvariant();

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, OutboxMessage m, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, OutboxSql.Insert, cancellationToken,
            ("key", m.Key), ("clinic", m.ClinicId), ("patient", m.PatientId), ("visit", (object?)m.VisitId ?? DBNull.Value), ("channel", Code(m.Channel)),
            ("template", m.Template), ("data", JsonSerializer.Serialize(m.MergeData)), ("due", Ms(m.DueAt)), ("expires", Ms(m.ExpiresAt)),
            ("now", Ms(m.CreatedAt)), ("caused", m.CausedBy));

    private static async Task<IReadOnlyList<OutboxMessage>> ReadMessagesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            messages.Add(new OutboxMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(3),
                Enum.Parse<MessageChannel>(reader.GetString(4), ignoreCase: true), reader.GetString(5),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
                At(reader, 7), At(reader, 8), Enum.Parse<OutboxStatus>(reader.GetString(9), ignoreCase: true),
                Convert.ToInt32(reader.GetValue(10), System.Globalization.CultureInfo.InvariantCulture), At(reader, 11), Text(12), Text(13),
                At(reader, 14), reader.IsDBNull(15) ? null : At(reader, 15), reader.GetString(16)));
        }

        return messages;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
