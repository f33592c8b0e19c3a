using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Finds the rows of a clinic's worklists (docs/figures.md, "Worklists") with, for each, the state of the condition
/// that put it there: a row marked done stays off its list until that state changes (a new drop-off, a changed
/// authorization, a new plan start, a new run of treatment days, a change of coverage).
/// </summary>
internal static class WorklistScan
{
    public const int VisitsLeftAtMost = 3;
    public const int UnitsLeftAtMost = 10;
    public const int RecertificationWithinDays = 14;

    public const string DroppedOff = "droppedOff";
    public const string AuthorizationsLow = "authorizationsLow";
    public const string RecertificationDue = "recertificationDue";
    public const string ProgressReportsDue = "progressReportsDue";
    public const string UnverifiedTomorrow = "unverifiedTomorrow";

    /// <summary>A row of list <see cref="List"/> and the state of its condition (<see cref="Condition"/>).</summary>
    public sealed record Found(string List, WorklistRow Row, string Condition);

    public static async Task<IReadOnlyList<Found>> RunAsync(string clinicId, ClinicConfig config, DateOnly today, IGrainFactory grains)
    {
        var clinic = grains.GetGrain<IClinicGrain>(clinicId);
        var patients = await Task.WhenAll((await clinic.GetPlanPatients()).Distinct().Select(async id =>
        {
            var patient = grains.GetGrain<IPatientGrain>(id);
            return (Record: await patient.Get(), Plans: await patient.GetPlanProgress(), Billing: await patient.GetBillingStatus(today),
                BookedAhead: (await patient.GetVisits()).Any(v => v.ClinicId == clinicId && !v.IsClosed));
        }));
        var found = new List<Found>();
        foreach (var (record, plans, billing, bookedAhead) in patients.Where(p => p.Record is { MergedInto: null } r && r.Details.ClinicId == clinicId))
        {
            found.AddRange(OnPlan(clinicId, today, record!, plans, billing, bookedAhead));
        }

        found.AddRange(await UnverifiedAsync(clinicId, config, today.AddDays(1), grains));
        return found;
    }

    /// <param name="bookedAhead">The patient has an open visit at the clinic, of a plan or not (booked at the desk, or from a recall).</param>
    private static IEnumerable<Found> OnPlan(string clinicId, DateOnly today, PatientRecord record, IReadOnlyList<PlanProgress> plans, PatientBillingStatus? billing,
        bool bookedAhead)
    {
        var id = record.PatientId;
        var name = Name(record);
        var profile = Profile(clinicId, id);
        foreach (var plan in plans.Where(p => !bookedAhead && p.BookedAhead == 0 && p.Attended < p.Planned))
        {
            // A visit taken back and lost again after "done" moves the plan's last status change: a new drop-off.
            yield return new(DroppedOff, new($"{DroppedOff}:{id}:{plan.PlanId}", id, name,
                $"no visit booked; {plan.Attended} of {plan.Planned} planned visits attended", profile, plan.PlanId), $"{plan.Attended}/{plan.Missed}/{plan.LastStatusChange:O}");
        }

        foreach (var a in (record.Authorizations ?? []).Where(a => a.To >= today && (a.VisitsLeft <= VisitsLeftAtMost || a.UnitsLeft <= UnitsLeftAtMost)))
        {
            var left = string.Join(", ", new[] { a.VisitsLeft is { } v ? $"{v} visits" : null, a.UnitsLeft is { } u ? $"{u} units" : null }.OfType<string>());
            // What was authorized, not what is left: using the last visits is the expected course, not a new condition.
            yield return new(AuthorizationsLow, new($"{AuthorizationsLow}:{id}:{a.Id}", id, name, $"authorization {a.Id}: {left} left, ends {a.To:yyyy-MM-dd}", profile),
                $"{a.From:yyyy-MM-dd}/{a.To:yyyy-MM-dd}/{a.VisitsAuthorized}/{a.UnitsAuthorized}");
        }

        if (billing?.RecertificationDue is { } due && due <= today.AddDays(RecertificationWithinDays))
        {
            yield return new(RecertificationDue, new($"{RecertificationDue}:{id}", id, name,
                due < today ? $"recertification overdue since {due:yyyy-MM-dd}" : $"recertification due {due:yyyy-MM-dd}", profile), $"{due:yyyy-MM-dd}");
        }

        // The board's rule (BillingAlerts): Medicare, and the next treatment day is the 10th or later since the last report.
        if (billing is { IsMedicare: true } && billing.TreatmentDaysSinceProgressReport + 1 >= billing.ProgressReportEvery
            && record.TreatmentDaysSinceProgressReport is { Count: > 0 } days)
        {
            yield return new(ProgressReportsDue, new($"{ProgressReportsDue}:{id}", id, name,
                $"progress report due: {billing.TreatmentDaysSinceProgressReport} treatment days since the last (every {billing.ProgressReportEvery})", profile),
                $"{days.Min():yyyy-MM-dd}");
        }
    }

    private static async Task<IEnumerable<Found>> UnverifiedAsync(string clinicId, ClinicConfig config, DateOnly tomorrow, IGrainFactory grains)
    {
        var schedule = await grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(clinicId, tomorrow)).GetSchedule();
        var booked = schedule.Entries.Where(v => v.Status == VisitStatus.Booked).ToList();
        var records = await Task.WhenAll(booked.Select(v => grains.GetGrain<IPatientGrain>(v.PatientId).Get()));
        return booked.Zip(records).Select(pair =>
        {
            var (visit, record) = pair;
            var coverage = record?.Coverage;
            var problem = coverage is null ? "no insurance on file"
                : coverage.Verification == VerificationStatus.Unverified ? "insurance not verified"
                : coverage.Verification == VerificationStatus.Failed ? "insurance verification failed"
                : null;
            if (problem is null)
            {
                return null;
            }

            var at = TimeZoneInfo.ConvertTime(visit.ScheduledStart, config.TimeZone);
            var therapist = config.FindTherapist(visit.TherapistId)?.DisplayName ?? visit.TherapistId;
            return new Found(UnverifiedTomorrow, new($"{UnverifiedTomorrow}:{visit.PatientId}:{visit.VisitId}", visit.PatientId, visit.PatientName,
                    $"{at:HH:mm} {tomorrow:yyyy-MM-dd} with {therapist}: {problem}", $"{Profile(clinicId, visit.PatientId)}#coverage"),
                $"{coverage?.Payer}/{coverage?.MemberId}/{coverage?.Verification}/{visit.ScheduledStart:O}");
        }).OfType<Found>();
    }

    private static string Name(PatientRecord record) => $"{record.Details.FirstName} {record.Details.LastName}";

    private static string Profile(string clinicId, string patientId) =>
        $"/patients/{Uri.EscapeDataString(clinicId)}/{Uri.EscapeDataString(patientId)}";
}
