namespace PtHub.Grains.Contracts;

/// <summary>A person's onboarding progress as the roster shows it ("5 of 8"): docs/figures.md, "Onboarding progress".</summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingProgress")]
public sealed record OnboardingProgress(
    [property: Id(0)] string StaffId,
    [property: Id(1)] int Done,
    [property: Id(2)] int Total);
