using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Silo.Storage;

/// <summary>
/// <see cref="IKpiStore"/> over either database: the SQL is shared (<see cref="KpiRollupSql"/>), only opening a
/// connection and taking turns differ (SQLite's write gate; PostgreSQL's per-day advisory lock).
/// </summary>
internal sealed class KpiStore(Func<CancellationToken, Task<DbConnection>> open, bool postgreSql, SqliteWriteGate? gate = null) : IKpiStore
{
    private const int BusyTimeoutMilliseconds = 10_000;

    public static KpiStore ForPostgreSql(NpgsqlDataSource dataSource) =>
        new(async ct => await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false), postgreSql: true);

    /// <summary>On SQLite the recomputes of a rebuild take turns with every other write at the node's gate.</summary>
    public static KpiStore ForSqlite(string connectionString, SqliteWriteGate? gate = null) => new(async ct =>
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)};";
            await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }, postgreSql: false, gate);

    public Task<IReadOnlyList<KpiDayRow>> ReadDaysAsync(KpiQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(KpiRollupSql.DaySelect, query, KpiRollupSql.ReadDay, cancellationToken);

    public Task<IReadOnlyList<KpiWaitCount>> ReadWaitsAsync(KpiQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT clinic_id, day, therapist_id, wait_minutes, visits FROM pthub_kpi_waits", query,
            r => new KpiWaitCount(r.GetString(0), KpiRollupSql.ParseDay(r.GetString(1)), r.GetString(2),
                Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)),
            cancellationToken);

    /// <summary>
    /// Two statements, each a UNION ALL of three GROUP BYs over the range's rows (per period, per therapist, per clinic; the
    /// last column says which), so the rows read are a handful per period, therapist and clinic.
    /// </summary>
    public async Task<KpiSums> ReadSumsAsync(KpiQuery query, KpiGrouping by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ClinicIds.Count == 0)
        {
            return new KpiSums([], [], [], [], [], []);
        }

        await using var connection = await open(cancellationToken).ConfigureAwait(false);
        var days = await ReadGroupedAsync(connection, query, by, KpiRollupSql.DaySums, filter => $"""
            d AS (SELECT * FROM pthub_kpi_days WHERE {filter}),
            s AS (SELECT clinic_id, day, therapist_id, occupied_seconds FROM pthub_kpi_day_spaces WHERE {filter}),
            c AS (SELECT clinic_id, day, therapist_id, copays_due, copay_due_cents, copays_due_collected, copay_due_collected_cents
                    FROM pthub_kpi_day_copays WHERE {filter}),
            k AS (SELECT d.*, COALESCE(s.occupied_seconds, 0) AS occupied_seconds, COALESCE(c.copays_due, 0) AS copays_due,
                    COALESCE(c.copay_due_cents, 0) AS copay_due_cents, COALESCE(c.copays_due_collected, 0) AS copays_due_collected,
                    COALESCE(c.copay_due_collected_cents, 0) AS copay_due_collected_cents
                  FROM d LEFT JOIN s ON s.clinic_id = d.clinic_id AND s.day = d.day AND s.therapist_id = d.therapist_id
                  LEFT JOIN c ON c.clinic_id = d.clinic_id AND c.day = d.day AND c.therapist_id = d.therapist_id)
            """, byWaitMinute: false,
            r => (Convert.ToInt32(r.GetValue(30), CultureInfo.InvariantCulture), KpiRollupSql.ReadDay(r)), cancellationToken).ConfigureAwait(false);
        var waits = await ReadGroupedAsync(connection, query, by, "wait_minutes, SUM(visits)",
            filter => $"k AS (SELECT clinic_id, day, therapist_id, wait_minutes, visits FROM pthub_kpi_waits WHERE {filter})", byWaitMinute: true,
            r => (Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture), new KpiWaitCount(r.GetString(0), KpiRollupSql.ParseDay(r.GetString(1)),
                r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture))),
            cancellationToken).ConfigureAwait(false);
        IReadOnlyList<T> Of<T>(IEnumerable<(int Kind, T Row)> rows, int kind) => [.. rows.Where(r => r.Kind == kind).Select(r => r.Row)];
        return new KpiSums(Of(days, 0), Of(waits, 0), Of(days, 1), Of(waits, 1), Of(days, 2), Of(waits, 2));
    }

    /// <summary>
    /// <c>clinic, day, therapist, {sums}, kind</c> from the rows <c>k</c> that <paramref name="with"/> defines (common table
    /// expressions over each table filtered by the query, so no join reads a clinic's other days; <c>k</c>, used three
    /// times, is materialized once): kind 0 per period (on its first day in the range), 1 per therapist and 2 per clinic (both
    /// on the range's first day), each also per whole-minute wait when <paramref name="byWaitMinute"/>.
    /// </summary>
    private static async Task<List<(int Kind, T Row)>> ReadGroupedAsync<T>(
        DbConnection connection, KpiQuery query, KpiGrouping by, string sums, Func<string, string> with, bool byWaitMinute,
        Func<DbDataReader, (int, T)> read, CancellationToken ct)
    {
        await using var command = KpiRollupSql.Command(connection, null, "");
        var filter = Filter(command, query, byPlanDays: false);
        // The period a day falls in, as the first day of it within the range (KpiPeriods.Of), so the labels are the same on both databases.
        var period = new StringBuilder();
        if (by == KpiGrouping.Day)
        {
            period.Append("day");
        }
        else
        {
            period.Append("CASE");
            var i = 0;
            foreach (var (start, end) in KpiPeriods.Of(query.From, query.To, by))
            {
                var suffix = i++.ToString(CultureInfo.InvariantCulture);
                period.Append(" WHEN day <= @pe").Append(suffix).Append(" THEN @ps").Append(suffix);
                KpiRollupSql.Add(command, "@pe" + suffix, KpiRollupSql.Day(end));
                KpiRollupSql.Add(command, "@ps" + suffix, KpiRollupSql.Day(start));
            }

            period.Append(" END");
        }

        var extra = byWaitMinute ? ", 4" : "";
        command.CommandText = $"""
            WITH {with(filter)}
            SELECT '', {period}, '', {sums}, 0 FROM k GROUP BY 2{extra}
            UNION ALL SELECT '', @from, therapist_id, {sums}, 1 FROM k GROUP BY 3{extra}
            UNION ALL SELECT clinic_id, @from, '', {sums}, 2 FROM k GROUP BY 1{extra}
            """;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var result = new List<(int, T)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add(read(reader));
        }

        return result;
    }

    /// <summary>The query's clinics, days and therapist as a WHERE condition, its parameters added to the command.</summary>
    private static string Filter(DbCommand command, KpiQuery query, bool byPlanDays)
    {
        var sql = new StringBuilder("clinic_id IN (");
        for (var i = 0; i < query.ClinicIds.Count; i++)
        {
            var name = "@c" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(name);
            KpiRollupSql.Add(command, name, query.ClinicIds[i]);
        }

        sql.Append(byPlanDays ? ") AND plan_end >= @from AND plan_start <= @to" : ") AND day >= @from AND day <= @to");
        KpiRollupSql.Add(command, "@from", KpiRollupSql.Day(query.From));
        KpiRollupSql.Add(command, "@to", KpiRollupSql.Day(query.To));
        if (query.TherapistId is { } therapistId)
        {
            sql.Append(" AND therapist_id = @therapist_id");
            KpiRollupSql.Add(command, "@therapist_id", therapistId);
        }

        return sql.ToString();
    }

    public Task<IReadOnlyList<KpiPlanDay>> ReadPlansAsync(KpiQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(KpiRollupSql.PlanSelect, query, KpiRollupSql.ReadPlan, cancellationToken, byPlanDays: true);

    public async Task<KpiFrozenWorking> ReadWorkingAsync(KpiQuery query, CancellationToken cancellationToken = default)
    {
        var days = await ReadAsync("SELECT clinic_id, day FROM pthub_kpi_working_days", query with { TherapistId = null },
            r => (r.GetString(0), KpiRollupSql.ParseDay(r.GetString(1))), cancellationToken).ConfigureAwait(false);
        var rows = await ReadAsync("SELECT clinic_id, day, therapist_id, working_seconds FROM pthub_kpi_day_working", query,
            r => new KpiWorkingTime(r.GetString(0), KpiRollupSql.ParseDay(r.GetString(1)), r.GetString(2), Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture)),
            cancellationToken).ConfigureAwait(false);
        return new KpiFrozenWorking(days.ToHashSet(), rows);
    }

    public Task<int> FreezeWorkingAsync(
        string clinicId, DateOnly until, Func<DateOnly, DateOnly, IReadOnlyList<KpiWorkingTime>> workingOf, CancellationToken cancellationToken = default) =>
        gate is null
            ? FreezeAsync(clinicId, until, workingOf, cancellationToken)
            : gate.RunAsync(() => FreezeAsync(clinicId, until, workingOf, cancellationToken));

    private async Task<int> FreezeAsync(string clinicId, DateOnly until, Func<DateOnly, DateOnly, IReadOnlyList<KpiWorkingTime>> workingOf, CancellationToken ct)
    {
        await using var connection = await open(ct).ConfigureAwait(false);
        DateOnly first;
        await using (var read = KpiRollupSql.Command(connection, null, "SELECT MIN(day) FROM pthub_kpi_visits WHERE clinic_id = @clinic_id"))
        {
            KpiRollupSql.Add(read, "@clinic_id", clinicId);
            if (await read.ExecuteScalarAsync(ct).ConfigureAwait(false) is not string earliest || (first = KpiRollupSql.ParseDay(earliest)) > until)
            {
                return 0;
            }
        }

        var frozen = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = KpiRollupSql.Command(connection, null, "SELECT day FROM pthub_kpi_working_days WHERE clinic_id = @clinic_id AND day >= @from AND day <= @to"))
        {
            KpiRollupSql.Add(read, "@clinic_id", clinicId);
            KpiRollupSql.Add(read, "@from", KpiRollupSql.Day(first));
            KpiRollupSql.Add(read, "@to", KpiRollupSql.Day(until));
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                frozen.Add(reader.GetString(0));
            }
        }

        var working = workingOf(first, until).ToLookup(w => w.Day);
        var count = 0;
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        for (var day = first; day <= until; day = day.AddDays(1))
        {
            if (frozen.Contains(KpiRollupSql.Day(day)))
            {
                continue;
            }

            await using (var mark = KpiRollupSql.Command(connection, transaction,
                "INSERT INTO pthub_kpi_working_days (clinic_id, day) VALUES (@clinic_id, @day) ON CONFLICT DO NOTHING"))
            {
                KpiRollupSql.Add(mark, "@clinic_id", clinicId);
                KpiRollupSql.Add(mark, "@day", KpiRollupSql.Day(day));
                if (await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    continue; // frozen meanwhile by another node: its rows stand
                }
            }

            foreach (var row in working[day])
            {
                await using var insert = KpiRollupSql.Command(connection, transaction,
                    "INSERT INTO pthub_kpi_day_working (clinic_id, day, therapist_id, working_seconds) VALUES (@clinic_id, @day, @therapist_id, @seconds)");
                KpiRollupSql.Add(insert, "@clinic_id", clinicId);
                KpiRollupSql.Add(insert, "@day", KpiRollupSql.Day(day));
                KpiRollupSql.Add(insert, "@therapist_id", row.TherapistId);
                KpiRollupSql.Add(insert, "@seconds", row.Seconds);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            count++;
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return count;
    }

    public Task<IReadOnlyList<VisitKpiFact>> ReadVisitsAsync(KpiQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(KpiRollupSql.FactSelect, query, KpiRollupSql.ReadFact, cancellationToken);

    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var days = new List<(string ClinicId, string Day)>();
        await using (var connection = await open(cancellationToken).ConfigureAwait(false))
        await using (var list = KpiRollupSql.Command(connection, null, """
            SELECT clinic_id, day FROM pthub_kpi_visits
            UNION SELECT clinic_id, day FROM pthub_kpi_days
            UNION SELECT clinic_id, day FROM pthub_kpi_waits
            UNION SELECT clinic_id, day FROM pthub_kpi_day_spaces
            UNION SELECT clinic_id, day FROM pthub_kpi_day_copays
            UNION SELECT clinic_id, day FROM pthub_kpi_plan_days
            """))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                days.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // A day at a time, each in its own transaction: appends go on meanwhile and take turns with it per day.
        foreach (var (clinicId, day) in days)
        {
            if (gate is null)
            {
                await RecomputeAsync(clinicId, day, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await gate.RunAsync(() => RecomputeAsync(clinicId, day, cancellationToken)).ConfigureAwait(false);
            }
        }

        return days.Count;
    }

    private async Task RecomputeAsync(string clinicId, string day, CancellationToken ct)
    {
        await using var connection = await open(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (postgreSql)
        {
            await KpiRollupSql.LockDayAsync(connection, transaction, clinicId, day, ct).ConfigureAwait(false);
        }

        await KpiRollupSql.RecomputeDayAsync(connection, transaction, clinicId, day, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <param name="byPlanDays">Rows of the plans whose days overlap the range (any day of theirs), not the rows of the range's days.</param>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(string select, KpiQuery query, Func<DbDataReader, T> read, CancellationToken ct, bool byPlanDays = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ClinicIds.Count == 0)
        {
            return [];
        }

        await using var connection = await open(ct).ConfigureAwait(false);
        await using var command = KpiRollupSql.Command(connection, null, "");
        var sql = new StringBuilder(select).Append(" WHERE ").Append(Filter(command, query, byPlanDays));
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var result = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add(read(reader));
        }

        return result;
    }
}
