using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's own KPI targets: <c>{targets:[{figure, on, near}]}</c>.</summary>
internal sealed record KpiTargetsBody(IReadOnlyList<KpiTargetItem?>? Targets)
{
    /// <summary>The targets when each names a figure, on and near; else what is missing, by field.</summary>
    public (IReadOnlyList<KpiTarget>? Targets, Dictionary<string, string[]> Errors) Read()
    {
        var errors = new Dictionary<string, string[]>();
        if (Targets is not { Count: > 0 } items)
        {
            errors["targets"] = ["targets is required: a list of {figure, on, near}, at least one; figures left out keep the defaults."];
            return (null, errors);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors[$"targets[{i}]"] = ["A target needs figure, on and near."];
                continue;
            }

            foreach (var (name, missing) in new[] { ("figure", string.IsNullOrWhiteSpace(item.Figure)), ("on", item.On is null), ("near", item.Near is null) })
            {
                if (missing)
                {
                    errors[$"targets[{i}].{name}"] = [name == "figure" ? "figure is required." : $"{name} is required: a number."];
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : ([.. items.Select(t => new KpiTarget(t!.Figure!, t.On!.Value, t.Near!.Value))], errors);
    }
}

/// <summary>One figure's target as sent: every part may be missing, and a missing part is named in the problem.</summary>
internal sealed record KpiTargetItem(string? Figure, double? On, double? Near);
