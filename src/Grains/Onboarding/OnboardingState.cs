using PtHub.Grains.Contracts;

namespace PtHub.Grains.Onboarding;

[GenerateSerializer, Alias("PtHub.OnboardingState")]
public sealed class OnboardingState
{
    /// <summary>Null until a manager changes the checklist: <see cref="OnboardingItem.Defaults"/> then apply.</summary>
    [Id(0)] public List<OnboardingItem>? Items { get; set; }

    /// <summary>Every tick and un-tick of every person, oldest first.</summary>
    [Id(1)] public List<OnboardingMark> Marks { get; set; } = [];
}
