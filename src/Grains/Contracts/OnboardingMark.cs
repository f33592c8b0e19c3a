namespace PtHub.Grains.Contracts;

/// <summary>
/// One tick or un-tick of a person's checklist item: who, when (UTC) and, for an un-tick, why. A person's checklist is
/// the last mark of each item; the marks themselves are never changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingMark")]
public sealed record OnboardingMark(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] bool Completed,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Reason = null);
