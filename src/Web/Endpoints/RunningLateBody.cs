namespace PtHub.Web.Endpoints;

/// <summary>How many minutes behind the therapist is today; 0 when back on time.</summary>
public sealed record RunningLateBody(int? Minutes);
