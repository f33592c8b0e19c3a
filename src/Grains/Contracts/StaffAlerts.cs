namespace PtHub.Grains.Contracts;

/// <summary>The roster's alerts on a clinic day, soonest first, with the lead times they were raised at.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffAlerts")]
public sealed record StaffAlerts(
    [property: Id(0)] DateOnly Today,
    [property: Id(1)] ValueList<int> LeadDays,
    [property: Id(2)] ValueList<StaffAlert> Alerts);
