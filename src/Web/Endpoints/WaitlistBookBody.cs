namespace PtHub.Web.Endpoints;

/// <summary>Book a waiting patient into an opening the board proposed: its start and therapist.</summary>
public sealed record WaitlistBookBody(DateTimeOffset? Start, string? TherapistId, Guid? CommandId);
