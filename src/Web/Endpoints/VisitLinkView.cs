namespace PtHub.Web.Endpoints;

/// <summary>
/// What the public link page shows: the minimum necessary (clinic name, date, time and therapist's display name in the
/// clinic's time zone, no patient name or visit reason), how the appointment stands, and what the link still allows.
/// </summary>
/// <param name="State">"open" (the link can act), "used", or "changed" (the visit moved or ended since the link was sent).</param>
/// <param name="Message">For "used" and "changed": what happened, in words.</param>
/// <param name="CancelIsLate">A cancellation now is a late one (inside the clinic's late-cancel hours, <paramref name="LateCancelHours"/>).</param>
public sealed record VisitLinkView(
    string ClinicName,
    string Date,
    string Time,
    string Therapist,
    string State,
    string? Message,
    bool Confirmed,
    bool Cancelled,
    bool CancelIsLate,
    int LateCancelHours);
