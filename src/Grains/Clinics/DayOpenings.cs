using PtHub.Grains.Contracts;
using PtHub.Grains.Waitlist;

namespace PtHub.Grains.Clinics;

/// <summary>
/// A clinic-day's freed slots (kept in the live grain's state) and, of those still free and ahead, the board's
/// openings with the waitlist's matching patients, best first, and where their offers stand. An opening a patient
/// accepted through an offer stays on the board (as taken) until its start, so the desk sees who took it.
/// </summary>
internal sealed class DayOpenings(Func<List<Opening>> stored, Func<Dictionary<string, OfferSummary>> offers)
{
    private readonly List<Opening> _freed = [];

    public ValueList<BoardOpening> Current { get; private set; } = [];

    /// <summary>The openings kept since the last call (for automatic offers), once each.</summary>
    public IReadOnlyList<Opening> TakeFreed()
    {
        Opening[] freed = [.. _freed];
        _freed.Clear();
        return freed;
    }

    public bool Any => Current.Count > 0 || stored().Count > 0;

    public bool Stored => stored().Count > 0;

    /// <summary>Keeps a freed future slot as an opening for the waitlist; false when it is past or a walk-in's.</summary>
    public bool Offer(VisitSnapshot freed, DateTimeOffset now)
    {
        var openings = stored();
        if (freed.WalkIn || freed.ScheduledStart <= now || openings.Any(o => o.OpeningId == freed.VisitId))
        {
            return false;
        }

        var opening = new Opening(freed.VisitId, freed.TherapistId, freed.ScheduledStart, freed.DurationMinutes);
        openings.Add(opening);
        _freed.Add(opening);
        return true;
    }

    public async Task RefreshAsync(IGrainFactory grains, DayData day, DateTimeOffset now, Func<IEnumerable<string>, Task> loadPatients)
    {
        var openings = new List<BoardOpening>();
        var known = offers();
        if (OpeningProposals.StillOpen(stored(), day.Config, day.Date, day.Visits.Values, now) is { Count: > 0 } open)
        {
            var entries = await grains.GetGrain<IWaitlistGrain>(day.ClinicId).List();
            var matches = open.ToDictionary(o => o.OpeningId, o => WaitlistMatch.For(o, day.Config, entries).Take(OpeningProposals.CandidatesShown).ToList());
            await loadPatients(matches.Values.SelectMany(m => m).Select(m => m.PatientId).Where(id => !day.Patients.ContainsKey(id)));
            openings.AddRange(open.Select(o => OpeningProposals.Propose(o, day.Config, matches[o.OpeningId], day.Patients.GetValueOrDefault)
                with { Offer = known.GetValueOrDefault(o.OpeningId) }));
        }

        var shown = openings.Select(o => o.Opening.OpeningId).ToHashSet(StringComparer.Ordinal);
        openings.AddRange(stored()
            .Where(o => !shown.Contains(o.OpeningId) && o.Start > now && known.GetValueOrDefault(o.OpeningId) is { State: OfferState.Accepted })
            .Select(o => OpeningProposals.Propose(o, day.Config, [], day.Patients.GetValueOrDefault) with { Offer = known[o.OpeningId] }));
        Current = openings.OrderBy(o => o.Opening.Start).ThenBy(o => o.Opening.OpeningId, StringComparer.Ordinal).ToValueList();
    }
}
