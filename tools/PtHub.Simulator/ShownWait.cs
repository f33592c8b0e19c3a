namespace PtHub.Simulator;

/// <summary>The estimate PtHub showed a waiting patient at one minute of clinic time.</summary>
internal sealed record ShownWait(string Clinic, string VisitId, DateTimeOffset At, int EstimatedMinutes);
