using System.Data;
using System.Data.Common;
using System.Globalization;
using PtHub.Grains.Kpis;

namespace PtHub.Silo.Storage;

/// <summary>
/// The KPI roll-up's writes, the same SQL on SQLite and PostgreSQL (plain types only: text days, integer
/// milliseconds and cents), always inside the caller's transaction. A visit's facts are upserted (an older sequence
/// never overwrites a newer one) and each day they touch is recomputed whole from its facts by
/// <see cref="KpiDayRollup"/>, so the incremental roll-up and a rebuild cannot differ.
/// </summary>
internal static class KpiRollupSql
{
    private const string FactColumns = """
        clinic_id, visit_id, day, patient_id, therapist_id, visit_type, status, walk_in, late_cancel, scheduled_start,
        arrived_at, started_at, finished_at, quoted_wait, units, allowed_cents, copay_cents, through_seq
        """;

    private const string UpsertFactSql = $"""
        INSERT INTO pthub_kpi_visits ({FactColumns})
        VALUES (@clinic_id, @visit_id, @day, @patient_id, @therapist_id, @visit_type, @status, @walk_in, @late_cancel, @scheduled_start,
                @arrived_at, @started_at, @finished_at, @quoted_wait, @units, @allowed_cents, @copay_cents, @through_seq)
        ON CONFLICT (visit_id) DO UPDATE SET
            clinic_id = excluded.clinic_id, day = excluded.day, patient_id = excluded.patient_id, therapist_id = excluded.therapist_id,
            visit_type = excluded.visit_type, status = excluded.status, walk_in = excluded.walk_in, late_cancel = excluded.late_cancel,
            scheduled_start = excluded.scheduled_start, arrived_at = excluded.arrived_at, started_at = excluded.started_at,
            finished_at = excluded.finished_at, quoted_wait = excluded.quoted_wait, units = excluded.units,
            allowed_cents = excluded.allowed_cents, copay_cents = excluded.copay_cents, through_seq = excluded.through_seq
        WHERE excluded.through_seq >= pthub_kpi_visits.through_seq
        """;

    private const string UpsertStaySql = """
        INSERT INTO pthub_kpi_visit_stays (visit_id, stay_seconds, through_seq) VALUES (@visit_id, @stay_seconds, @through_seq)
        ON CONFLICT (visit_id) DO UPDATE SET stay_seconds = excluded.stay_seconds, through_seq = excluded.through_seq
        WHERE excluded.through_seq >= pthub_kpi_visit_stays.through_seq
        """;

    private const string UpsertTermsSql = """
        INSERT INTO pthub_kpi_visit_terms (visit_id, plan_id, plan_therapist_id, plan_start, plan_end, plan_per_week, copay_due_cents, through_seq)
        VALUES (@visit_id, @plan_id, @plan_therapist_id, @plan_start, @plan_end, @plan_per_week, @copay_due_cents, @through_seq)
        ON CONFLICT (visit_id) DO UPDATE SET plan_id = excluded.plan_id, plan_therapist_id = excluded.plan_therapist_id,
            plan_start = excluded.plan_start, plan_end = excluded.plan_end, plan_per_week = excluded.plan_per_week,
            copay_due_cents = excluded.copay_due_cents, through_seq = excluded.through_seq
        WHERE excluded.through_seq >= pthub_kpi_visit_terms.through_seq
        """;

    /// <summary>
    /// The facts with their stays (schema step 15 keeps them in a table of their own; no row is no stay) and their plan
    /// and copay due (step 16; no row is neither).
    /// </summary>
    private const string FactsWithStays = $"""
        SELECT {FactColumns}, stay_seconds, plan_id, plan_therapist_id, plan_start, plan_end, plan_per_week, copay_due_cents
            FROM (SELECT v.*, COALESCE(s.stay_seconds, 0) AS stay_seconds, t.plan_id, t.plan_therapist_id, t.plan_start, t.plan_end,
                t.plan_per_week, t.copay_due_cents
            FROM pthub_kpi_visits v LEFT JOIN pthub_kpi_visit_stays s ON s.visit_id = v.visit_id
            LEFT JOIN pthub_kpi_visit_terms t ON t.visit_id = v.visit_id) AS f
        """;

    private const string DayColumns = """
        clinic_id, day, therapist_id, scheduled, arrived, attended, cancelled, late_cancelled, no_shows, left_unseen,
        initial_evaluations, walk_ins, waits_measured, wait_seconds, seen_within_15, on_time_eligible, on_time_starts, quotes,
        quote_error_seconds, units, billed_visits, allowed_cents, copays_collected, copay_cents, treating_seconds
        """;

    /// <summary>Stores a visit's facts and recomputes its day, and the day it was on before if it moved.</summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, VisitKpiFact fact, bool postgreSql, CancellationToken ct)
    {
        var before = await DayOfAsync(connection, transaction, fact.VisitId, ct).ConfigureAwait(false);
        var days = new SortedSet<(string ClinicId, string Day)>([(fact.ClinicId, Day(fact.Day))]);
        if (before is { } earlier)
        {
            days.Add(earlier);
        }

        if (postgreSql)
        {
            // Two visits of one day append concurrently: each recompute must see the other's facts, so days take turns
            // (always locked in the same order, so two moves between the same days cannot deadlock).
            foreach (var (clinicId, day) in days)
            {
                await LockDayAsync(connection, transaction, clinicId, day, ct).ConfigureAwait(false);
            }
        }

        await using (var upsert = Command(connection, transaction, UpsertFactSql))
        {
            AddFact(upsert, fact);
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var upsert = Command(connection, transaction, UpsertStaySql))
        {
            Add(upsert, "@visit_id", fact.VisitId);
            Add(upsert, "@stay_seconds", fact.StaySeconds);
            Add(upsert, "@through_seq", (long)fact.ThroughSequence);
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var upsert = Command(connection, transaction, UpsertTermsSql))
        {
            Add(upsert, "@visit_id", fact.VisitId);
            AddText(upsert, "@plan_id", fact.Plan?.PlanId);
            AddText(upsert, "@plan_therapist_id", fact.Plan?.TherapistId);
            AddText(upsert, "@plan_start", fact.Plan is { } plan ? Day(plan.StartDate) : null);
            AddText(upsert, "@plan_end", fact.Plan is { } last ? Day(last.EndDate) : null);
            Add(upsert, "@plan_per_week", (long?)fact.Plan?.VisitsPerWeek);
            Add(upsert, "@copay_due_cents", fact.CopayDueCents);
            Add(upsert, "@through_seq", (long)fact.ThroughSequence);
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        foreach (var (clinicId, day) in days)
        {
            await RecomputeDayAsync(connection, transaction, clinicId, day, ct).ConfigureAwait(false);
        }
    }

    /// <summary>PostgreSQL: the clinic-day's turn, held until the transaction ends.</summary>
    public static async Task LockDayAsync(DbConnection connection, DbTransaction transaction, string clinicId, string day, CancellationToken ct)
    {
        await using var lockDay = Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 15))");
        Add(lockDay, "@key", $"kpi|{clinicId}|{day}");
        await lockDay.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task RecomputeDayAsync(DbConnection connection, DbTransaction transaction, string clinicId, string day, CancellationToken ct)
    {
        var facts = new List<VisitKpiFact>();
        await using (var read = Command(connection, transaction, $"{FactsWithStays} WHERE clinic_id = @clinic_id AND day = @day"))
        {
            Add(read, "@clinic_id", clinicId);
            Add(read, "@day", day);
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                facts.Add(ReadFact(reader));
            }
        }

        foreach (var table in new[] { "pthub_kpi_days", "pthub_kpi_waits", "pthub_kpi_day_spaces", "pthub_kpi_day_copays", "pthub_kpi_plan_days" })
        {
            await using var delete = Command(connection, transaction, $"DELETE FROM {table} WHERE clinic_id = @clinic_id AND day = @day");
            Add(delete, "@clinic_id", clinicId);
            Add(delete, "@day", day);
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var rollup = KpiDayRollup.Compute(facts);
        foreach (var row in rollup.Rows)
        {
            await using var insert = Command(connection, transaction, $"""
                INSERT INTO pthub_kpi_days ({DayColumns})
                VALUES (@clinic_id, @day, @therapist_id, @c3, @c4, @c5, @c6, @c7, @c8, @c9, @c10, @c11, @c12, @c13, @c14, @c15, @c16,
                        @c17, @c18, @c19, @c20, @c21, @c22, @c23, @c24)
                """);
            Add(insert, "@clinic_id", row.ClinicId);
            Add(insert, "@day", Day(row.Day));
            Add(insert, "@therapist_id", row.TherapistId);
            long[] values =
            [
                row.Scheduled, row.Arrived, row.Attended, row.Cancelled, row.LateCancelled, row.NoShows, row.LeftUnseen,
                row.InitialEvaluations, row.WalkIns, row.WaitsMeasured, row.WaitSeconds, row.SeenWithin15, row.OnTimeEligible,
                row.OnTimeStarts, row.Quotes, row.QuoteErrorSeconds, row.Units, row.BilledVisits, row.AllowedCents,
                row.CopaysCollected, row.CopayCents, row.TreatingSeconds,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                Add(insert, "@c" + (i + 3).ToString(CultureInfo.InvariantCulture), values[i]);
            }

            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var space = Command(connection, transaction, """
                INSERT INTO pthub_kpi_day_spaces (clinic_id, day, therapist_id, occupied_seconds) VALUES (@clinic_id, @day, @therapist_id, @occupied)
                """);
            Add(space, "@clinic_id", row.ClinicId);
            Add(space, "@day", Day(row.Day));
            Add(space, "@therapist_id", row.TherapistId);
            Add(space, "@occupied", row.OccupiedSeconds);
            await space.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var copays = Command(connection, transaction, """
                INSERT INTO pthub_kpi_day_copays (clinic_id, day, therapist_id, copays_due, copay_due_cents, copays_due_collected, copay_due_collected_cents)
                VALUES (@clinic_id, @day, @therapist_id, @due, @due_cents, @collected, @collected_cents)
                """);
            Add(copays, "@clinic_id", row.ClinicId);
            Add(copays, "@day", Day(row.Day));
            Add(copays, "@therapist_id", row.TherapistId);
            Add(copays, "@due", (long)row.CopaysDue);
            Add(copays, "@due_cents", row.CopayDueCents);
            Add(copays, "@collected", (long)row.CopaysDueCollected);
            Add(copays, "@collected_cents", row.CopayDueCollectedCents);
            await copays.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        foreach (var plan in rollup.Plans)
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO pthub_kpi_plan_days (clinic_id, day, plan_id, therapist_id, plan_start, plan_end, plan_per_week, booked, attended)
                VALUES (@clinic_id, @day, @plan_id, @therapist_id, @plan_start, @plan_end, @plan_per_week, @booked, @attended)
                """);
            Add(insert, "@clinic_id", plan.ClinicId);
            Add(insert, "@day", Day(plan.Day));
            Add(insert, "@plan_id", plan.PlanId);
            Add(insert, "@therapist_id", plan.TherapistId);
            Add(insert, "@plan_start", Day(plan.PlanStart));
            Add(insert, "@plan_end", Day(plan.PlanEnd));
            Add(insert, "@plan_per_week", (long)plan.VisitsPerWeek);
            Add(insert, "@booked", (long)plan.Booked);
            Add(insert, "@attended", (long)plan.Attended);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        foreach (var wait in rollup.Waits)
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO pthub_kpi_waits (clinic_id, day, therapist_id, wait_minutes, visits)
                VALUES (@clinic_id, @day, @therapist_id, @wait_minutes, @visits)
                """);
            Add(insert, "@clinic_id", wait.ClinicId);
            Add(insert, "@day", Day(wait.Day));
            Add(insert, "@therapist_id", wait.TherapistId);
            Add(insert, "@wait_minutes", (long)wait.WaitMinutes);
            Add(insert, "@visits", (long)wait.Visits);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static string FactSelect => FactsWithStays;

    /// <summary>
    /// The day rows with their occupied seconds (kept beside them since schema step 15) and their copays due (step 16),
    /// filtered by the caller.
    /// </summary>
    public static string DaySelect => $"""
        SELECT {DayColumns}, occupied_seconds, copays_due, copay_due_cents, copays_due_collected, copay_due_collected_cents FROM {DaySource}
        """;

    /// <summary>The sums of <see cref="DaySelect"/>'s counts (its columns from <c>scheduled</c> on), in its order.</summary>
    public static string DaySums => string.Join(", ", DayColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Skip(3).Concat(["occupied_seconds", "copays_due", "copay_due_cents", "copays_due_collected", "copay_due_collected_cents"])
        .Select(c => $"SUM({c})"));

    /// <summary>The day rows joined to their occupied seconds and copays due, as a derived table <c>k</c> to filter.</summary>
    public const string DaySource = """
        (SELECT d.*, COALESCE(s.occupied_seconds, 0) AS occupied_seconds, COALESCE(c.copays_due, 0) AS copays_due,
            COALESCE(c.copay_due_cents, 0) AS copay_due_cents, COALESCE(c.copays_due_collected, 0) AS copays_due_collected,
            COALESCE(c.copay_due_collected_cents, 0) AS copay_due_collected_cents
        FROM pthub_kpi_days d
        LEFT JOIN pthub_kpi_day_spaces s ON s.clinic_id = d.clinic_id AND s.day = d.day AND s.therapist_id = d.therapist_id
        LEFT JOIN pthub_kpi_day_copays c ON c.clinic_id = d.clinic_id AND c.day = d.day AND c.therapist_id = d.therapist_id) AS k
        """;

    public const string PlanSelect = """
        SELECT clinic_id, day, plan_id, therapist_id, plan_start, plan_end, plan_per_week, booked, attended FROM pthub_kpi_plan_days
        """;

    public static KpiPlanDay ReadPlan(DbDataReader r) => new(r.GetString(0), ParseDay(r.GetString(1)), r.GetString(2), r.GetString(3),
        ParseDay(r.GetString(4)), ParseDay(r.GetString(5)), Int(r, 6))
    {
        Booked = Int(r, 7), Attended = Int(r, 8),
    };

    public static VisitKpiFact ReadFact(DbDataReader r) => new(
        ClinicId: r.GetString(0), VisitId: r.GetString(1), Day: ParseDay(r.GetString(2)), PatientId: r.GetString(3),
        TherapistId: r.GetString(4), VisitTypeCode: r.GetString(5), Status: r.GetString(6), WalkIn: Long(r, 7) != 0,
        LateCancellation: Long(r, 8) != 0, ScheduledStart: Time(Long(r, 9)), ArrivedAt: OptionalTime(r, 10),
        StartedAt: OptionalTime(r, 11), FinishedAt: OptionalTime(r, 12), QuotedWaitMinutes: r.IsDBNull(13) ? null : (int)Long(r, 13),
        Units: (int)Long(r, 14), AllowedCents: Long(r, 15), CopayCents: r.IsDBNull(16) ? null : Long(r, 16), ThroughSequence: (int)Long(r, 17),
        StaySeconds: Long(r, 18),
        Plan: r.IsDBNull(19) ? null : new PtHub.Grains.Contracts.VisitPlan(r.GetString(19), r.GetString(20), ParseDay(r.GetString(21)), ParseDay(r.GetString(22)), Int(r, 23)),
        CopayDueCents: r.IsDBNull(24) ? null : Long(r, 24));

    public static KpiDayRow ReadDay(DbDataReader r) => new(r.GetString(0), ParseDay(r.GetString(1)), r.GetString(2))
    {
        Scheduled = Int(r, 3), Arrived = Int(r, 4), Attended = Int(r, 5), Cancelled = Int(r, 6), LateCancelled = Int(r, 7),
        NoShows = Int(r, 8), LeftUnseen = Int(r, 9), InitialEvaluations = Int(r, 10), WalkIns = Int(r, 11),
        WaitsMeasured = Int(r, 12), WaitSeconds = Long(r, 13), SeenWithin15 = Int(r, 14), OnTimeEligible = Int(r, 15),
        OnTimeStarts = Int(r, 16), Quotes = Int(r, 17), QuoteErrorSeconds = Long(r, 18), Units = Int(r, 19),
        BilledVisits = Int(r, 20), AllowedCents = Long(r, 21), CopaysCollected = Int(r, 22), CopayCents = Long(r, 23),
        TreatingSeconds = Long(r, 24), OccupiedSeconds = Long(r, 25), CopaysDue = Int(r, 26), CopayDueCents = Long(r, 27),
        CopaysDueCollected = Int(r, 28), CopayDueCollectedCents = Long(r, 29),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = value switch
        {
            string => DbType.String,
            int => DbType.Int32,
            _ => DbType.Int64,
        };
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A text parameter that may be null (typed as text, so PostgreSQL takes the null into a text column).</summary>
    public static void AddText(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.String;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static async Task<(string, string)?> DayOfAsync(DbConnection connection, DbTransaction transaction, string visitId, CancellationToken ct)
    {
        await using var read = Command(connection, transaction, "SELECT clinic_id, day FROM pthub_kpi_visits WHERE visit_id = @visit_id");
        Add(read, "@visit_id", visitId);
        await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static void AddFact(DbCommand command, VisitKpiFact f)
    {
        Add(command, "@clinic_id", f.ClinicId);
        Add(command, "@visit_id", f.VisitId);
        Add(command, "@day", Day(f.Day));
        Add(command, "@patient_id", f.PatientId);
        Add(command, "@therapist_id", f.TherapistId);
        Add(command, "@visit_type", f.VisitTypeCode);
        Add(command, "@status", f.Status);
        Add(command, "@walk_in", f.WalkIn ? 1L : 0L);
        Add(command, "@late_cancel", f.LateCancellation ? 1L : 0L);
        Add(command, "@scheduled_start", f.ScheduledStart.ToUnixTimeMilliseconds());
        Add(command, "@arrived_at", f.ArrivedAt?.ToUnixTimeMilliseconds());
        Add(command, "@started_at", f.StartedAt?.ToUnixTimeMilliseconds());
        Add(command, "@finished_at", f.FinishedAt?.ToUnixTimeMilliseconds());
        Add(command, "@quoted_wait", (long?)f.QuotedWaitMinutes);
        Add(command, "@units", (long)f.Units);
        Add(command, "@allowed_cents", f.AllowedCents);
        Add(command, "@copay_cents", f.CopayCents);
        Add(command, "@through_seq", (long)f.ThroughSequence);
    }

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int Int(DbDataReader r, int i) => (int)Long(r, i);

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static DateTimeOffset? OptionalTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : Time(Long(r, i));
}
