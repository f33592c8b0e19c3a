namespace PtHub.Grains.Contracts;

/// <summary>One item of a person's checklist: done when <see cref="CompletedAt"/> is set (by <see cref="CompletedBy"/>).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingLine")]
public sealed record OnboardingLine(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Retired,
    [property: Id(3)] string? CompletedBy,
    [property: Id(4)] DateTimeOffset? CompletedAt);
