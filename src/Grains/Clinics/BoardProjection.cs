using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Grains.Clinics;

/// <summary>Builds the front desk's rows and alerts from visits, patients and the clinic's configuration. Pure.</summary>
public static class BoardProjection
{
    public static BoardRow Row(VisitSnapshot visit, PatientRecord? patient, ClinicConfig config, DateTimeOffset now,
        BillingOptions? billing = null, int? ticket = null, int? estimatedWaitMinutes = null)
    {
        var therapist = config.FindTherapist(visit.TherapistId);
        var room = visit.RoomId is null ? null : config.FindRoom(visit.RoomId);
        var (actions, cancelIsLate) = DeskActions.For(visit, now, TimeSpan.FromHours(config.LateCancelHours), TimeSpan.FromMinutes(config.NoShowGraceMinutes));
        return new BoardRow(
            visit.VisitId, visit.ScheduledStart, visit.DurationMinutes,
            config.FindVisitType(visit.VisitTypeCode)?.Name ?? visit.VisitTypeCode,
            visit.PatientId, patient is null ? "(unknown patient)" : $"{patient.Details.LastName}, {patient.Details.FirstName}",
            visit.TherapistId, therapist?.DisplayName ?? visit.TherapistId,
            visit.RoomId, room?.Name,
            visit.Status, visit.StatusSince, visit.ArrivedAt, visit.WalkIn,
            Alerts(visit, config.Alerts, now).Concat(billing is null ? [] : BillingAlerts.For(visit, patient, billing)).ToValueList(),
            ticket, estimatedWaitMinutes,
            patient?.Coverage is { Copay: > 0 } coverage && visit.CopayCollected is null && visit.Status.IsOnSite() ? coverage.Copay : null,
            Actions: actions, CancelIsLate: cancelIsLate, CopayPaid: visit.CopayCollected,
            ConfirmedAt: visit.Status == VisitStatus.Booked ? visit.ConfirmedAt : null);
    }

    /// <summary>The long-wait alerts of DOMAIN.md, against the clinic's thresholds.</summary>
    public static ValueList<BoardAlert> Alerts(VisitSnapshot visit, AlertThresholds thresholds, DateTimeOffset now)
    {
        var alerts = new List<BoardAlert>();
        switch (visit.Status)
        {
            case VisitStatus.Booked when now > visit.ScheduledStart:
                alerts.Add(new("not-arrived", $"Not arrived, {WholeMinutes(now - visit.ScheduledStart)} min past start"));
                break;
            case VisitStatus.Arrived or VisitStatus.CheckedIn when visit.RoomedAt is null && visit.ArrivedAt is { } arrived
                && WholeMinutes(now - arrived) > thresholds.WaitingMinutes:
                // No count in the text: the row shows the live wait, and a second, older number beside it would contradict it.
                alerts.Add(new("long-wait", $"Waiting over the {thresholds.WaitingMinutes}-min limit"));
                break;
            case VisitStatus.CheckedIn when visit.RoomedAt is { } roomed
                && WholeMinutes(now - roomed) > thresholds.RoomedWithoutTherapistMinutes:
                alerts.Add(new("no-therapist", $"In a room without a therapist over the {thresholds.RoomedWithoutTherapistMinutes}-min limit"));
                break;
            case VisitStatus.InTreatment when visit.TreatmentStartedAt is { } started
                && WholeMinutes(now - started) > visit.DurationMinutes + thresholds.OverrunMinutes:
                alerts.Add(new("over-time", $"{WholeMinutes(now - started) - visit.DurationMinutes} min over the scheduled {visit.DurationMinutes} min"));
                break;
        }

        return alerts;
    }

    private static int WholeMinutes(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)span.TotalMinutes;
}
