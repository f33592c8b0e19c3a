using System.Globalization;

namespace PtHub.Grains.Kpis;

/// <summary>
/// The default targets, from the published figures of issue 15: cancel + no-show ≤ 10 % (the industry runs 10–21 %),
/// about 3.5 units per visit, a mean wait within 20 minutes (lobby satisfaction falls after 20), most patients seen
/// within 15 minutes, treatment started on time. "Near" is a band just outside the target.
/// </summary>
public static class KpiTargets
{
    private sealed record Target(string Figure, string Label, Func<KpiFigures, double?> Value, double On, double Near, bool AtMost, string Unit);

    private static readonly Target[] Defaults =
    [
        new("cancelNoShowRate", "Cancel + no-show rate", f => f.CancelNoShowRate, 10, 15, AtMost: true, " %"),
        new("unitsPerVisit", "Units per visit", f => f.UnitsPerVisit, 3.3, 3.0, AtMost: false, ""),
        new("waitMean", "Mean wait", f => f.WaitMean, 20, 25, AtMost: true, " min"),
        new("seenWithin15Rate", "Seen within 15 min", f => f.SeenWithin15Rate, 80, 70, AtMost: false, " %"),
        new("onTimeStartRate", "On-time start", f => f.OnTimeStartRate, 90, 80, AtMost: false, " %"),
    ];

    public static IReadOnlyList<KpiTargetResult> Judge(KpiFigures figures) =>
        [.. Defaults.Select(t => Judge(t, t.Value(figures)))];

    private static KpiTargetResult Judge(Target t, double? value)
    {
        var target = $"{(t.AtMost ? "≤" : "≥")} {Number(t.On)}{t.Unit}";
        if (value is not { } v)
        {
            return new(t.Figure, t.Label, null, target, "none", $"{t.Label}: no data in this range (target {target})");
        }

        var state = (t.AtMost ? v <= t.On : v >= t.On) ? "on" : (t.AtMost ? v <= t.Near : v >= t.Near) ? "near" : "off";
        var word = state switch { "on" => "on target", "near" => "near target", _ => "off target" };
        return new(t.Figure, t.Label, v, target, state, $"{t.Label} {Number(v)}{t.Unit}: {word} ({target})");
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
