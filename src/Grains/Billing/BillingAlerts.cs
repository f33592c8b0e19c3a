using PtHub.Grains.Contracts;

namespace PtHub.Grains.Billing;

/// <summary>The front desk's billing alerts for a visit of a day (DOMAIN.md): insurance, authorization, KX, progress report, recert, copay. Pure.</summary>
public static class BillingAlerts
{
    public static IEnumerable<BoardAlert> For(VisitSnapshot visit, PatientRecord? patient, BillingOptions options)
    {
        if (patient is null || visit.Status is VisitStatus.Cancelled or VisitStatus.NoShow or VisitStatus.EnteredInError
            or VisitStatus.LeftWithoutBeingSeen)
        {
            yield break;
        }

        var date = visit.Date;
        var coverage = patient.Coverage;
        if (visit.Status is VisitStatus.Booked or VisitStatus.Arrived or VisitStatus.CheckedIn)
        {
            // Coverage is the desk's to settle before treatment; once the patient is being seen the alert would only be noise.
            switch (coverage?.Verification)
            {
                case null:
                    yield return new("no-insurance", "No insurance on file");
                    break;
                case VerificationStatus.Unverified:
                    yield return new("insurance-unverified", "Insurance not verified");
                    break;
                case VerificationStatus.Failed:
                    yield return new("insurance-failed", "Insurance verification failed");
                    break;
            }
        }

        if (visit.Status != VisitStatus.CheckedOut)
        {
            foreach (var alert in Authorization(patient, date))
            {
                yield return alert;
            }
        }

        if (coverage?.IsMedicare == true)
        {
            var used = patient.MedicareAllowedIn(date.Year);
            var threshold = options.KxThreshold(date.Year);
            if (used > threshold)
            {
                yield return new("kx", $"Over the KX threshold (${used:N0} of ${threshold:N0}): KX modifier applies");
            }
            else if (used > threshold * 0.9m)
            {
                yield return new("kx-near", $"Near the KX threshold (${used:N0} of ${threshold:N0})");
            }

            var days = patient.TreatmentDaysSinceProgressReport?.Count(d => d != date) ?? 0;
            if (visit.Status != VisitStatus.CheckedOut && days + 1 >= options.ProgressReportTreatmentDays)
            {
                yield return new("progress-report", $"Progress report due (treatment day {days + 1} since the last)");
            }
        }

        if (patient.PlanOfCareStart is { } start && visit.Status != VisitStatus.CheckedOut)
        {
            var due = start.AddDays(options.RecertificationDays);
            var daysLeft = due.DayNumber - date.DayNumber;
            if (daysLeft <= 7)
            {
                yield return new("recert", daysLeft < 0 ? $"Plan of care recertification overdue since {due:yyyy-MM-dd}" : $"Plan of care recertification due {due:yyyy-MM-dd}");
            }
        }

        if (coverage is { Copay: > 0 } && visit.CopayCollected is null && visit.Status.IsOnSite())
        {
            yield return new("copay-due", $"Copay due ${coverage.Copay:0.00}");
        }
    }

    /// <summary>A warning for booking a visit on a date, when the patient's authorizations will not cover it.</summary>
    public static string? BookingWarning(PatientRecord patient, DateOnly date, int alreadyBooked)
    {
        if (patient.Authorizations is not { Count: > 0 })
        {
            return null;
        }

        var active = patient.AuthorizationFor(date);
        return active is null ? $"No authorization covers {date:yyyy-MM-dd}."
            : active.VisitsLeft is { } left && left - alreadyBooked <= 0 ? $"This visit is beyond the last authorized visit ({active.VisitsAuthorized} authorized, {active.VisitsUsed} used, {alreadyBooked} booked)."
            : null;
    }

    private static IEnumerable<BoardAlert> Authorization(PatientRecord patient, DateOnly date)
    {
        if (patient.Authorizations is not { Count: > 0 })
        {
            yield break;
        }

        var active = patient.AuthorizationFor(date);
        if (active is null || active.Exhausted)
        {
            yield return new("auth-none", "Visit beyond authorization");
            yield break;
        }

        if (active.VisitsLeft is <= 2 and var visits)
        {
            yield return new("auth-visits", $"{visits} authorized visit(s) left");
        }

        if (active.UnitsLeft is < 10 and var units)
        {
            yield return new("auth-units", $"{units} authorized unit(s) left");
        }

        if (active.To.DayNumber - date.DayNumber <= 7)
        {
            yield return new("auth-expiring", $"Authorization ends {active.To:yyyy-MM-dd}");
        }
    }
}
