namespace PtHub.Web.Endpoints;

/// <summary>The optional body of a visit command. Send a <c>commandId</c> to make retries safe.</summary>
public sealed record VisitCommandBody(Guid? CommandId, string? RoomId, string? TherapistId, string? Reason);
