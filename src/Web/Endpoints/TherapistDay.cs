namespace PtHub.Web.Endpoints;

/// <summary>A therapist's day: their visits in time order, and how late they are running.</summary>
public sealed record TherapistDay(
    string ClinicId, string TherapistId, string TherapistName, DateOnly Date, int RunningLateMinutes, IReadOnlyList<TherapistVisit> Visits);
