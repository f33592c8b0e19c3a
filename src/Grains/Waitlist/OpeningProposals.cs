using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Grains.Waitlist;

/// <summary>Which freed slots the board offers and whom it proposes for each. Pure.</summary>
public static class OpeningProposals
{
    /// <summary>How many waiting patients the board shows per opening.</summary>
    public const int CandidatesShown = 5;

    /// <summary>The openings still ahead and still free under the booking rules, earliest first.</summary>
    public static IReadOnlyList<Opening> StillOpen(IEnumerable<Opening> openings, ClinicConfig config, DateOnly date,
        IEnumerable<VisitSnapshot> dayVisits, DateTimeOffset now)
    {
        var visits = dayVisits.ToList();
        return [.. openings.Where(o => o.Start > now
                && ScheduleRules.Conflicts(config, date, visits, new ProposedVisit(o.TherapistId, o.Start, o.Minutes)).Count == 0)
            .OrderBy(o => o.Start)];
    }

    public static BoardOpening Propose(Opening opening, ClinicConfig config, IEnumerable<WaitlistEntry> matches, Func<string, PatientRecord?> patient) =>
        new(opening, config.FindTherapist(opening.TherapistId)?.DisplayName ?? opening.TherapistId,
            matches.Select(m => new WaitlistCandidate(m.EntryId, m.PatientId,
                patient(m.PatientId) is { } p ? $"{p.Details.LastName}, {p.Details.FirstName}" : m.PatientId, m.Priority, m.AddedAt)).ToValueList());
}
