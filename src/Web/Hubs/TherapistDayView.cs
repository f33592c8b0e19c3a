using PtHub.Web.Endpoints;

namespace PtHub.Web.Hubs;

/// <summary>A therapist's own day as their live screen starts from: the board's version, their visits only.</summary>
public sealed record TherapistDayView(string ClinicId, DateOnly Date, long Version, string TherapistId, string TherapistName,
    int RunningLateMinutes, IReadOnlyList<TherapistVisit> Visits);
