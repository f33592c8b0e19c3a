namespace PtHub.Grains.Contracts;

/// <summary>The clinic's checklist items after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingItemsChange")]
public sealed record OnboardingItemsChange(
    [property: Id(0)] ValueList<OnboardingItem>? Items,
    [property: Id(1)] Refusal? Refusal = null);
