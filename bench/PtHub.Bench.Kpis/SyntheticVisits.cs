using System.Data.Common;
using PtHub.Grains.Kpis;
using PtHub.Silo.Storage;

namespace PtHub.Bench.Kpis;

/// <summary>Plausible visit facts (8 % cancelled, 7 % no-show, the rest seen with waits of 0-40 min), written straight to <c>pthub_kpi_visits</c>.</summary>
internal static class SyntheticVisits
{
    private const string InsertSql = """
        INSERT INTO pthub_kpi_visits (clinic_id, visit_id, day, patient_id, therapist_id, visit_type, status, walk_in, late_cancel,
            scheduled_start, arrived_at, started_at, finished_at, quoted_wait, units, allowed_cents, copay_cents, through_seq)
        VALUES (@clinic_id, @visit_id, @day, @patient_id, @therapist_id, @visit_type, @status, @walk_in, @late_cancel,
            @scheduled_start, @arrived_at, @started_at, @finished_at, @quoted_wait, @units, @allowed_cents, @copay_cents, @through_seq)
        """;

    public static IEnumerable<VisitKpiFact> Of(string clinicId, DateOnly first, int days, int perDay, Random random)
    {
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var morning = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
            for (var v = 0; v < perDay; v++)
            {
                var scheduled = morning.AddMinutes(20 * v);
                var roll = random.Next(100);
                var status = roll < 8 ? "cancelled" : roll < 15 ? "noshow" : "checked-out";
                var seen = status == "checked-out";
                var arrived = seen ? scheduled.AddMinutes(random.Next(-10, 6)) : (DateTimeOffset?)null;
                var started = arrived?.AddMinutes(random.Next(0, 41));
                yield return new VisitKpiFact(clinicId, $"{clinicId}-{d}-{v}", day, $"p-{random.Next(400)}", $"t-{v % 6}",
                    random.Next(100) < 12 ? "initial-evaluation" : "follow-up", status, false, status == "cancelled" && random.Next(2) == 0,
                    scheduled, arrived, started, started?.AddMinutes(45), seen ? random.Next(0, 30) : null, seen ? random.Next(2, 6) : 0,
                    seen ? random.Next(8000, 16000) : 0, seen && random.Next(2) == 0 ? 2500 : null, seen ? 6 : 2);
            }
        }
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, VisitKpiFact f)
    {
        await using var command = KpiRollupSql.Command(connection, transaction, InsertSql);
        KpiRollupSql.Add(command, "@clinic_id", f.ClinicId);
        KpiRollupSql.Add(command, "@visit_id", f.VisitId);
        KpiRollupSql.Add(command, "@day", KpiRollupSql.Day(f.Day));
        KpiRollupSql.Add(command, "@patient_id", f.PatientId);
        KpiRollupSql.Add(command, "@therapist_id", f.TherapistId);
        KpiRollupSql.Add(command, "@visit_type", f.VisitTypeCode);
        KpiRollupSql.Add(command, "@status", f.Status);
        KpiRollupSql.Add(command, "@walk_in", f.WalkIn ? 1L : 0L);
        KpiRollupSql.Add(command, "@late_cancel", f.LateCancellation ? 1L : 0L);
        KpiRollupSql.Add(command, "@scheduled_start", f.ScheduledStart.ToUnixTimeMilliseconds());
        KpiRollupSql.Add(command, "@arrived_at", f.ArrivedAt?.ToUnixTimeMilliseconds());
        KpiRollupSql.Add(command, "@started_at", f.StartedAt?.ToUnixTimeMilliseconds());
        KpiRollupSql.Add(command, "@finished_at", f.FinishedAt?.ToUnixTimeMilliseconds());
        KpiRollupSql.Add(command, "@quoted_wait", (long?)f.QuotedWaitMinutes);
        KpiRollupSql.Add(command, "@units", (long)f.Units);
        KpiRollupSql.Add(command, "@allowed_cents", f.AllowedCents);
        KpiRollupSql.Add(command, "@copay_cents", f.CopayCents);
        KpiRollupSql.Add(command, "@through_seq", (long)f.ThroughSequence);
        await command.ExecuteNonQueryAsync();
    }
}
