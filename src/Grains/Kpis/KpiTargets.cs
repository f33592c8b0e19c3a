using System.Globalization;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Kpis;

/// <summary>
/// The default targets, from the published figures of issue 15: cancel + no-show ≤ 10 % (the industry runs 10–21 %),
/// about 3.5 units per visit, a mean wait within 20 minutes (lobby satisfaction falls after 20), most patients seen
/// within 15 minutes, treatment started on time, therapists productive 75 % of their working time or more (75–85 %
/// is called sustainable). "Near" is a band just outside the target. A clinic may set its own
/// (<see cref="IClinicKpiTargetsGrain"/>), checked by <see cref="Check"/>.
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
        new("productivity", "Therapist productivity", f => f.Productivity, 75, 65, AtMost: false, " %"),
    ];

    /// <summary>The defaults, as a clinic would set them.</summary>
    public static IReadOnlyList<KpiTarget> DefaultTargets { get; } = [.. Defaults.Select(t => new KpiTarget(t.Figure, t.On, t.Near))];

    public static IReadOnlyList<KpiTargetResult> Judge(KpiFigures figures, IReadOnlyList<KpiTarget>? clinic = null) =>
        [.. Defaults.Select(t => clinic?.FirstOrDefault(c => c.Figure == t.Figure) is { } own ? t with { On = own.On, Near = own.Near } : t)
            .Select(t => Judge(t, t.Value(figures)))];

    /// <summary>What is wrong with a clinic's targets, by field (empty when they can be kept).</summary>
    public static Dictionary<string, string[]> Check(IReadOnlyList<KpiTarget> targets)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target is null)
            {
                errors[$"targets[{i}]"] = ["A target needs figure, on and near."];
            }
            else if (Defaults.FirstOrDefault(d => d.Figure == target.Figure) is not { } known)
            {
                errors[$"targets[{i}].figure"] = [$"figure must be one of {string.Join(", ", Defaults.Select(d => d.Figure))}."];
            }
            else if (targets.Take(i).Any(t => t?.Figure == target.Figure))
            {
                errors[$"targets[{i}].figure"] = [$"{target.Figure} is given twice."];
            }
            else if (!double.IsFinite(target.On) || !double.IsFinite(target.Near) || target.On < 0 || target.Near < 0
                || (known.Unit == " %" && (target.On > 100 || target.Near > 100)))
            {
                errors[$"targets[{i}].on"] = ["on and near must be numbers of 0 or more (percentages at most 100)."];
            }
            else if (known.AtMost ? target.Near < target.On : target.Near > target.On)
            {
                errors[$"targets[{i}].near"] = [known.AtMost ? "near must be at or above on (lower is better here)." : "near must be at or below on (higher is better here)."];
            }
        }

        return errors;
    }

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
