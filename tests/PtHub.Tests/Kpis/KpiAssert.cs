using System.Text.Json.Nodes;

namespace PtHub.Tests.Kpis;

/// <summary>Every figure of an answer against the test's own working, all mismatches reported at once.</summary>
public static class KpiAssert
{
    public static void Matches(Dictionary<string, double?> expected, JsonNode? figures, string where, List<string> wrong)
    {
        Assert.NotNull(figures);
        foreach (var (name, value) in expected)
        {
            var actual = figures[name] is { } node ? node.GetValue<double>() : (double?)null;
            if (actual != value)
            {
                wrong.Add($"{where} {name}: {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, expected {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");
            }
        }
    }
}
