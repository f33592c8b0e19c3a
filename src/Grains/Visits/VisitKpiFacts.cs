using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;

namespace PtHub.Grains.Visits;

/// <summary>A visit's KPI facts as its state stands, handed to the event log with the events that produced it.</summary>
internal static class VisitKpiFacts
{
    public static VisitKpiFact From(string visitId, VisitState state)
    {
        var snapshot = VisitLifecycle.Snapshot(visitId, state);
        var charges = state.Billing?.Charges ?? [];
        return new VisitKpiFact(state.ClinicId, visitId, state.Date, state.PatientId, state.TherapistId, state.VisitTypeCode,
            state.Status.ToCode(), state.WalkIn, state.LateCancellation, state.ScheduledStart, snapshot.ArrivedAt,
            snapshot.TreatmentStartedAt, snapshot.TreatmentFinishedAt, state.QuotedWaitMinutes,
            charges.Sum(c => c.Units), charges.Sum(c => Cents(c.Allowed)),
            state.Copay is { } copay ? Cents(copay.Amount) : null, state.Events.Count,
            snapshot.RoomStays.Where(s => s.Until > s.From).Sum(s => (long)Math.Floor((s.Until!.Value - s.From).TotalSeconds)),
            state.Plan, state.CopayDue is { } due ? Cents(due) : null);
    }

    private static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);
}
