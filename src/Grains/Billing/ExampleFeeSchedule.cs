namespace PtHub.Grains.Billing;

/// <summary>
/// EXAMPLE ONLY: round, invented allowed amounts per unit so the KX threshold logic has something to add up.
/// They are not any payer's fee schedule; a clinic configures its own under PtHub:Billing:AllowedPerUnit.
/// </summary>
public static class ExampleFeeSchedule
{
    public static IReadOnlyDictionary<string, decimal> AllowedPerUnit { get; } = new Dictionary<string, decimal>
    {
        ["97110"] = 30m, ["97112"] = 35m, ["97116"] = 30m, ["97140"] = 28m, ["97530"] = 35m, ["97535"] = 32m,
        ["97032"] = 18m, ["97033"] = 20m, ["97035"] = 12m, ["97750"] = 35m, ["97760"] = 45m, ["97761"] = 40m,
        ["97763"] = 45m, ["97161"] = 100m, ["97162"] = 100m, ["97163"] = 100m, ["97164"] = 70m, ["97010"] = 5m,
        ["97012"] = 15m, ["97014"] = 10m, ["G0283"] = 10m, ["97016"] = 15m, ["97018"] = 8m, ["97022"] = 18m,
        ["97150"] = 20m,
    };
}
