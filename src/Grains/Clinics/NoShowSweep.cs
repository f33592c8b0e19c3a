using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>Marks as no-shows the booked visits not arrived by their start plus the clinic's grace.</summary>
internal static partial class NoShowSweep
{
    public const string SystemActor = "pthub";

    /// <summary>
    /// Sends each visit its no-show without waiting for the answers: the visit reports back one-way, and a caller
    /// that waited on a visit busy with another command would hold the live views up for nothing. Each visit is sent
    /// it once per activation of the day (<paramref name="sent"/>), and again only when the call failed: a no-show the
    /// desk undid leaves the visit booked, and the visit refuses the same no-show again (VisitLifecycle), so sending
    /// it at every tick would be a call per tick per such visit for nothing.
    /// </summary>
    public static void Run(IGrainFactory grains, ClinicConfig config, IEnumerable<VisitSnapshot> visits, DateTimeOffset now, HashSet<string> sent, ILogger logger)
    {
        var due = now.AddMinutes(-config.NoShowGraceMinutes);
        foreach (var visit in visits.Where(v => v.Status == VisitStatus.Booked && v.ScheduledStart < due && !v.WalkIn && !sent.Contains(v.VisitId)).ToList())
        {
            var command = new VisitCommand(VisitAction.NoShow, SystemActor, CommandIds.Derive(Guid.Parse(visit.VisitId), "auto-no-show"),
                Reason: $"not arrived {config.NoShowGraceMinutes} min after start");
            sent.Add(visit.VisitId);

            // The continuation runs on the grain's own scheduler (the caller's), so it may touch the set.
            _ = grains.GetGrain<IVisitGrain>(visit.VisitId).Execute(command).ContinueWith(
                t =>
                {
                    sent.Remove(visit.VisitId);
                    LogNoShowFailed(logger, t.Exception!, visit.VisitId);
                },
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId} could not be marked a no-show; the next tick tries again")]
    private static partial void LogNoShowFailed(ILogger logger, Exception ex, string visitId);
}
