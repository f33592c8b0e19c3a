namespace PtHub.Grains.Contracts;

/// <summary>
/// One patient as the lobby may show them: a label built by the clinic's naming mode (initials, first name and
/// last initial, or ticket), the day's ticket number when the label is a name, and nothing else about them. <see cref="EstimatedWaitMinutes"/> is null once being seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.LobbyEntry")]
public sealed record LobbyEntry(
    [property: Id(0)] string Label,
    [property: Id(1)] string Category,
    [property: Id(2)] int? EstimatedWaitMinutes,
    [property: Id(3)] int? Ticket = null);
