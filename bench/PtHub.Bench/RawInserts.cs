using System.Diagnostics;
using Npgsql;

namespace PtHub.Bench;

/// <summary>
/// The storage limit: single-row INSERTs, each its own transaction (as a durable command's write is), on as many
/// connections as the bench sends commands at once, into the same database the node uses.
/// </summary>
internal static class RawInserts
{
    public static async Task<double> PerSecondAsync(string connectionString, int connections, TimeSpan duration)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS bench_raw_inserts (id bigserial PRIMARY KEY, clinic_id text NOT NULL, at timestamptz NOT NULL, payload text NOT NULL)",
                connection);
            await create.ExecuteNonQueryAsync();
        }

        var inserted = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO bench_raw_inserts (clinic_id, at, payload) VALUES (@clinic, now(), @payload)", connection);
            insert.Parameters.AddWithValue("clinic", $"bench-{worker:000}");
            insert.Parameters.AddWithValue("payload", new string('x', 200));
            await insert.PrepareAsync();
            while (clock.Elapsed < duration)
            {
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref inserted);
            }
        }));
        return inserted / clock.Elapsed.TotalSeconds;
    }
}
