namespace PtHub.Grains.Contracts;

/// <summary>A person's checklist after a change, or why the change was refused (then nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingChange")]
public sealed record OnboardingChange(
    [property: Id(0)] OnboardingChecklist? Checklist,
    [property: Id(1)] Refusal? Refusal = null);
