namespace PtHub.Web.Endpoints;

/// <summary>
/// What the public offer page shows: the minimum necessary (clinic name, date, time and therapist's display name in the
/// clinic's time zone; no patient name, no visit reason) and how the offer stands for this patient.
/// </summary>
/// <param name="State">"open" (Accept may be pressed), "yours" (this patient is booked), "taken", "closed" or "failed".</param>
/// <param name="Message">What happened, in words.</param>
public sealed record OfferLinkView(string ClinicName, string Date, string Time, string Therapist, string State, string Message);
