namespace PtHub.Web.Endpoints;

/// <summary>
/// What a recall's booking page shows: the minimum necessary (clinic name and the therapist's display name; no patient
/// name, no plan or diagnosis) and, once the link has booked, the visit's date and time in the clinic's time zone.
/// </summary>
/// <param name="State">"open" (the link can book) or "used" (it booked <paramref name="BookedDate"/> at <paramref name="BookedTime"/>).</param>
public sealed record RecallLinkView(string ClinicName, string Therapist, string State, string? BookedDate, string? BookedTime);
