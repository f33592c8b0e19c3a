namespace PtHub.Grains.Scheduling;

/// <summary>Half-open time spans [from, until): back-to-back spans do not overlap.</summary>
public static class TimeSpans
{
    public static bool Overlap(DateTimeOffset a1, DateTimeOffset a2, DateTimeOffset b1, DateTimeOffset b2) => a1 < b2 && b1 < a2;

    /// <summary>True when [from, until) lies inside the union of <paramref name="spans"/>.</summary>
    public static bool Covered(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> spans, DateTimeOffset from, DateTimeOffset until)
    {
        var at = from;
        foreach (var (a, b) in spans.OrderBy(s => s.From))
        {
            if (a > at)
            {
                break;
            }

            if (b > at)
            {
                at = b;
            }

            if (at >= until)
            {
                return true;
            }
        }

        return at >= until;
    }

    /// <summary>The most spans that are under way at one instant within [from, until).</summary>
    public static int PeakOverlap(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> spans, DateTimeOffset from, DateTimeOffset until)
    {
        var edges = spans.Where(s => Overlap(s.From, s.Until, from, until))
            .SelectMany(s => new[] { (At: s.From < from ? from : s.From, Delta: 1), (At: s.Until, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int current = 0, peak = 0;
        foreach (var edge in edges)
        {
            current += edge.Delta;
            peak = Math.Max(peak, current);
        }

        return peak;
    }
}
