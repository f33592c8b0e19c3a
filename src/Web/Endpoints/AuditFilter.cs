namespace PtHub.Web.Endpoints;

/// <summary>
/// The query string of the audit list and its CSV export, taken as text so that a bad value is answered with a
/// problem naming the field instead of a generic binding failure.
/// </summary>
/// <param name="From">Inclusive; an ISO 8601 date-time (UTC unless it carries an offset) or a date (midnight UTC).</param>
/// <param name="To">Exclusive; as <paramref name="From"/>.</param>
/// <param name="Limit">1 to 5000; 200 when absent.</param>
internal sealed record AuditFilter(string? PatientId, string? UserId, string? From, string? To, string? Limit);
