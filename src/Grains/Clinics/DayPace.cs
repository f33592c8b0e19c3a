using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// How today is really going, learnt from the day's own visits: how long sessions of each visit type actually take
/// against their booked length, and how early therapists start patients before their appointment. Pure.
/// </summary>
public sealed record DayPace(IReadOnlyDictionary<string, double> LengthRatioByType, double EarlyStartMinutes)
{
    /// <summary>Sessions of a type count as this many "booked-length" sessions before any has finished today.</summary>
    private const double Prior = 3;

    public static DayPace Steady { get; } = new(new Dictionary<string, double>(), 0);

    public double Minutes(VisitSnapshot visit) => visit.DurationMinutes * LengthRatioByType.GetValueOrDefault(visit.VisitTypeCode, 1);

    public static DayPace From(IReadOnlyCollection<VisitSnapshot> visits)
    {
        var ratios = visits
            .Where(v => v.TreatmentStartedAt is not null && v.TreatmentFinishedAt is not null && v.DurationMinutes > 0)
            .GroupBy(v => v.VisitTypeCode)
            .ToDictionary(g => g.Key, g =>
            {
                // Shrunk toward the booked length until a few sessions of the type have finished.
                var booked = g.Sum(v => v.DurationMinutes);
                var actual = g.Sum(v => (v.TreatmentFinishedAt!.Value - v.TreatmentStartedAt!.Value).TotalMinutes);
                var typical = (double)booked / g.Count();
                return (actual + Prior * typical) / (booked + Prior * typical);
            });
        var early = visits.Where(v => v.TreatmentStartedAt is not null && !v.WalkIn)
            .Select(v => Math.Max(0, (v.ScheduledStart - v.TreatmentStartedAt!.Value).TotalMinutes))
            .Order().ToList();
        return new DayPace(ratios, early.Count == 0 ? 0 : early[early.Count / 2]);
    }
}
