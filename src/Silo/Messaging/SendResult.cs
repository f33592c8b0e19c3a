namespace PtHub.Silo.Messaging;

/// <summary>A provider's answer to one send, and its words for the queue.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Detail = null);
