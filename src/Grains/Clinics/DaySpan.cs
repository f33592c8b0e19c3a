using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The part of a clinic-day that the manager's figures are measured over (docs/figures.md): from opening until now,
/// or until closing once the clinic has closed. Patients seen before opening or still present after closing stretch
/// it, so care given outside the hours is counted against the time it took rather than against nothing. Pure.
/// </summary>
public readonly record struct DaySpan(DateTimeOffset From, DateTimeOffset Until)
{
    public TimeSpan Length => Until > From ? Until - From : TimeSpan.Zero;

    public static DaySpan Of(ClinicConfig config, DateOnly date, IReadOnlyCollection<VisitSnapshot> visits, DateTimeOffset now)
    {
        var presence = visits.SelectMany(Presence).Select(p => (p.From, Until: p.Until ?? now)).Where(p => p.From <= now).ToList();
        var (opens, closes) = config.OpenOn(date) ?? (now, now);
        var from = presence.Select(p => p.From).Append(opens).Min();
        var until = Clamp(now, from, closes);
        var lastPresent = presence.Select(p => p.Until).DefaultIfEmpty(until).Max();
        return new DaySpan(from, Min(now, Max(until, lastPresent)));
    }

    /// <summary>Minutes of [from, until) that fall inside this span.</summary>
    public TimeSpan Overlap(DateTimeOffset from, DateTimeOffset until) =>
        Min(until, Until) - Max(from, From) is var span && span > TimeSpan.Zero ? span : TimeSpan.Zero;

    /// <summary>When a patient was in a treatment space or in treatment: the spells a visit occupied the clinic.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset? Until)> Presence(VisitSnapshot visit)
    {
        foreach (var stay in visit.RoomStays)
        {
            yield return (stay.From, stay.Until);
        }

        if (visit.TreatmentStartedAt is { } started)
        {
            yield return (started, visit.TreatmentFinishedAt ?? (visit.Status == VisitStatus.InTreatment ? null : visit.StatusSince));
        }
    }

    private static DateTimeOffset Clamp(DateTimeOffset t, DateTimeOffset lo, DateTimeOffset hi) => hi < lo ? lo : Max(lo, Min(t, hi));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
