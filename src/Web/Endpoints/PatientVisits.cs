namespace PtHub.Web.Endpoints;

/// <summary>
/// A patient's visits (docs/figures.md, "Patient profile"): upcoming ones (still open: booked or under way) soonest
/// first, past ones (closed) latest first, and the patient's cancellation and no-show counts. Times are shown in
/// the clinic's time zone.
/// </summary>
public sealed record PatientVisits(string TimeZoneId, IReadOnlyList<PatientVisit> Upcoming, IReadOnlyList<PatientVisit> Past, int Cancellations, int NoShows);
