namespace PtHub.Grains.Contracts;

/// <summary>
/// One item of a clinic's onboarding checklist. A retired item is kept (people who completed it keep the record) but no
/// longer counts towards anyone's progress and cannot be completed.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.OnboardingItem")]
public sealed record OnboardingItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Retired = false)
{
    /// <summary>What a clinic starts with: the usual steps of bringing a new hire into a US outpatient PT clinic.</summary>
    public static ValueList<OnboardingItem> Defaults { get; } =
    [
        new("identity", "I-9 / identity verified"),
        new("licence", "Licence verified"),
        new("npi", "NPI recorded"),
        new("hipaa", "HIPAA training"),
        new("osha", "OSHA training"),
        new("cpr-bls", "CPR/BLS card"),
        new("ehr-account", "EHR account created"),
        new("keys-badge", "Keys / badge issued"),
    ];
}
