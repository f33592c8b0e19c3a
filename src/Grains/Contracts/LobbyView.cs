namespace PtHub.Grains.Contracts;

/// <summary>The lobby wall's whole state. Built for a public screen: it holds no protected health information.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.LobbyView")]
public sealed record LobbyView(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long Version,
    [property: Id(3)] string ClinicName,
    [property: Id(4)] string? Message,
    [property: Id(5)] ValueList<LobbyTherapist> Therapists,
    [property: Id(6)] DateTimeOffset AsOf,
    [property: Id(7)] string TimeZoneId = "UTC");
