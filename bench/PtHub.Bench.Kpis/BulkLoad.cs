using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Silo.Storage;

namespace PtHub.Bench.Kpis;

/// <summary>
/// Loads a clinic's synthetic history in bulk: its raw events (<c>pthub_visit_events</c>), its visits' KPI facts, stays and
/// terms, and each day's roll-up rows as <see cref="KpiDayRollup.Compute"/> makes them, i.e. the rows the event log's
/// <c>KpiRollupSql.ApplyAsync</c> writes when the events are appended one by one (and a rebuild rewrites), only without the per-visit upserts and per-day recomputes. PostgreSQL takes them by binary COPY, SQLite by prepared inserts,
/// a transaction per clinic.
/// </summary>
internal sealed class BulkLoad(DbConnection connection, bool postgreSql)
{
    private static readonly (string Table, string[] Columns)[] Tables =
    [
        ("pthub_visit_events", ["clinic_id", "visit_id", "seq", "occurred_at", "actor", "command", "from_status", "to_status", "room_id", "therapist_id", "detail"]),
        ("pthub_kpi_visits", ["clinic_id", "visit_id", "day", "patient_id", "therapist_id", "visit_type", "status", "walk_in", "late_cancel", "scheduled_start",
            "arrived_at", "started_at", "finished_at", "quoted_wait", "units", "allowed_cents", "copay_cents", "through_seq"]),
        ("pthub_kpi_visit_stays", ["visit_id", "stay_seconds", "through_seq"]),
        ("pthub_kpi_visit_terms", ["visit_id", "plan_id", "plan_therapist_id", "plan_start", "plan_end", "plan_per_week", "copay_due_cents", "through_seq"]),
        ("pthub_kpi_days", ["clinic_id", "day", "therapist_id", "scheduled", "arrived", "attended", "cancelled", "late_cancelled", "no_shows", "left_unseen",
            "initial_evaluations", "walk_ins", "waits_measured", "wait_seconds", "seen_within_15", "on_time_eligible", "on_time_starts", "quotes",
            "quote_error_seconds", "units", "billed_visits", "allowed_cents", "copays_collected", "copay_cents", "treating_seconds"]),
        ("pthub_kpi_day_spaces", ["clinic_id", "day", "therapist_id", "occupied_seconds"]),
        ("pthub_kpi_day_copays", ["clinic_id", "day", "therapist_id", "copays_due", "copay_due_cents", "copays_due_collected", "copay_due_collected_cents"]),
        ("pthub_kpi_waits", ["clinic_id", "day", "therapist_id", "wait_minutes", "visits"]),
    ];

    private readonly List<object?[]>[] rows = [.. Tables.Select(_ => new List<object?[]>())];

    public long Events => counts[0];

    public long Visits => counts[1];

    public long DayRows => counts[4];

    public long WaitRows => counts[7];

    private readonly long[] counts = new long[Tables.Length];

    public void Add(IReadOnlyList<VisitKpiFact> dayFacts)
    {
        foreach (var f in dayFacts)
        {
            foreach (var (seq, at, action, from, to) in SyntheticVisits.EventsOf(f))
            {
                Row(0, f.ClinicId, f.VisitId, seq, postgreSql ? at.UtcDateTime : at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), "bench",
                    action.ToCode(), from?.ToCode(), to.ToCode(), null, f.TherapistId, null);
            }

            Row(1, f.ClinicId, f.VisitId, KpiRollupSql.Day(f.Day), f.PatientId, f.TherapistId, f.VisitTypeCode, f.Status, f.WalkIn ? 1L : 0L,
                f.LateCancellation ? 1L : 0L, f.ScheduledStart.ToUnixTimeMilliseconds(), f.ArrivedAt?.ToUnixTimeMilliseconds(),
                f.StartedAt?.ToUnixTimeMilliseconds(), f.FinishedAt?.ToUnixTimeMilliseconds(), (long?)f.QuotedWaitMinutes, (long)f.Units,
                f.AllowedCents, f.CopayCents, (long)f.ThroughSequence);
            Row(2, f.VisitId, f.StaySeconds, (long)f.ThroughSequence);
            Row(3, f.VisitId, null, null, null, null, null, f.CopayDueCents, (long)f.ThroughSequence);
        }

        var rollup = KpiDayRollup.Compute(dayFacts);
        if (rollup.Plans.Count > 0)
        {
            throw new InvalidOperationException("The synthetic visits have no plans of care.");
        }

        foreach (var r in rollup.Rows)
        {
            var day = KpiRollupSql.Day(r.Day);
            Row(4, r.ClinicId, day, r.TherapistId, (long)r.Scheduled, (long)r.Arrived, (long)r.Attended, (long)r.Cancelled, (long)r.LateCancelled,
                (long)r.NoShows, (long)r.LeftUnseen, (long)r.InitialEvaluations, (long)r.WalkIns, (long)r.WaitsMeasured, r.WaitSeconds,
                (long)r.SeenWithin15, (long)r.OnTimeEligible, (long)r.OnTimeStarts, (long)r.Quotes, r.QuoteErrorSeconds, (long)r.Units,
                (long)r.BilledVisits, r.AllowedCents, (long)r.CopaysCollected, r.CopayCents, r.TreatingSeconds);
            Row(5, r.ClinicId, day, r.TherapistId, r.OccupiedSeconds);
            Row(6, r.ClinicId, day, r.TherapistId, (long)r.CopaysDue, r.CopayDueCents, (long)r.CopaysDueCollected, r.CopayDueCollectedCents);
        }

        foreach (var w in rollup.Waits)
        {
            Row(7, w.ClinicId, KpiRollupSql.Day(w.Day), w.TherapistId, (long)w.WaitMinutes, (long)w.Visits);
        }
    }

    private void Row(int table, params object?[] values) => rows[table].Add(values);

    public async Task FlushAsync()
    {
        if (postgreSql)
        {
            var npgsql = (NpgsqlConnection)connection;
            await using var transaction = await npgsql.BeginTransactionAsync();
            for (var t = 0; t < Tables.Length; t++)
            {
                var (table, columns) = Tables[t];
                await using (var writer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var row in rows[t])
                    {
                        await writer.StartRowAsync();
                        foreach (var value in row)
                        {
                            await (value switch
                            {
                                null => writer.WriteNullAsync(),
                                string s => writer.WriteAsync(s, NpgsqlDbType.Text),
                                long l => writer.WriteAsync(l, NpgsqlDbType.Bigint),
                                int i => writer.WriteAsync(i, NpgsqlDbType.Integer),
                                DateTime d => writer.WriteAsync(d, NpgsqlDbType.TimestampTz),
                                _ => throw new InvalidOperationException($"No COPY type for {value.GetType()}"),
                            });
                        }
                    }

                    await writer.CompleteAsync();
                }
            }

            await transaction.CommitAsync();
        }
        else
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var t = 0; t < Tables.Length; t++)
            {
                var (table, columns) = Tables[t];
                await using var insert = KpiRollupSql.Command(connection, transaction,
                    $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})");
                var parameters = columns.Select(c => ((SqliteCommand)insert).Parameters.Add("@" + c, SqliteType.Text)).ToArray();
                foreach (var row in rows[t])
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        parameters[i].SqliteType = row[i] is string ? SqliteType.Text : SqliteType.Integer;
                        parameters[i].Value = row[i] ?? DBNull.Value;
                    }

                    await insert.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        for (var t = 0; t < Tables.Length; t++)
        {
            counts[t] += rows[t].Count;
            rows[t].Clear();
        }
    }
}
