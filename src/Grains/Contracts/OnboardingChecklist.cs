namespace PtHub.Grains.Contracts;

/// <summary>
/// A person's onboarding checklist: every item of the clinic's (retired ones only where the person completed them),
/// and the history of ticks and un-ticks, newest last. <see cref="Done"/> of <see cref="Total"/>: docs/figures.md,
/// "Onboarding progress".
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingChecklist")]
public sealed record OnboardingChecklist(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Done,
    [property: Id(3)] int Total,
    [property: Id(4)] ValueList<OnboardingLine> Items,
    [property: Id(5)] ValueList<OnboardingMark> History);
