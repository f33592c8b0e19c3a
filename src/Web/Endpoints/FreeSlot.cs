namespace PtHub.Web.Endpoints;

public sealed record FreeSlot(DateTimeOffset Start, string TherapistId);
