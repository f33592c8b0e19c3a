using PtHub.Grains.Contracts;

namespace PtHub.Web.Demo;

/// <summary>
/// What the demo clinic's front desk and therapists do next with one visit, given the time. Each visit behaves the
/// same way every time (its own lateness, length, and whether it shows at all) from a hash of its id, so the demo
/// looks like a real day without a random generator to seed or store.
/// </summary>
public static class DemoStep
{
    /// <summary>The next command for <paramref name="row"/> at <paramref name="now"/>, with the room to use when starting; null: nothing yet.</summary>
    public static (VisitAction Action, string? RoomId)? Next(BoardRow row, DateTimeOffset now)
    {
        var trait = Trait(row.VisitId);
        var inStatus = now - row.StatusSince;
        return row.Status switch
        {
            // About 6 in 100 never come: the automatic no-show takes them. The others come 12 min early to 6 min late.
            VisitStatus.Booked when trait >= 6 && now >= row.ScheduledStart.AddMinutes((trait % 19) - 12) => (VisitAction.Arrive, null),
            VisitStatus.Arrived when inStatus >= TimeSpan.FromMinutes(1 + (trait % 4)) => (VisitAction.CheckIn, null),
            VisitStatus.CheckedIn when inStatus >= TimeSpan.FromMinutes(2) && now >= row.ScheduledStart.AddMinutes(-5) =>
                (VisitAction.StartTreatment, row.VisitType == "initial-evaluation" ? $"room-{1 + (trait % 3)}" : "gym"),
            VisitStatus.InTreatment when inStatus >= TimeSpan.FromMinutes(row.DurationMinutes + (trait % 11) - 5) => (VisitAction.Finish, null),
            VisitStatus.Finished when inStatus >= TimeSpan.FromMinutes(2) => (VisitAction.CheckOut, null),
            _ => null,
        };
    }

    /// <summary>0-99, fixed for a visit (FNV-1a of its id: string.GetHashCode changes from run to run).</summary>
    public static int Trait(string visitId)
    {
        var hash = 2166136261u;
        foreach (var c in visitId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % 100);
    }
}
