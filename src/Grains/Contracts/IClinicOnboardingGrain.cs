namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's onboarding checklist: the items it keeps, and each person on its roster's ticks (key: clinic id). It reads
/// the roster from <see cref="IClinicStaffGrain"/>, which calls no grain, so no call cycle can form.
/// </summary>
[Alias("PtHub.IClinicOnboardingGrain")]
public interface IClinicOnboardingGrain : IGrainWithStringKey
{
    /// <summary>The clinic's items, retired ones included, in the clinic's order (the defaults until a manager changes them).</summary>
    [Alias("Items"), AlwaysInterleave]
    Task<IReadOnlyList<OnboardingItem>> Items();

    /// <summary>Refused when an item in use already has that name.</summary>
    [Alias("AddItem")]
    Task<OnboardingItemsChange> AddItem(string name);

    /// <summary>Renames, retires or brings back an item; refused when another item in use has that name.</summary>
    [Alias("UpdateItem")]
    Task<OnboardingItemsChange> UpdateItem(string itemId, string name, bool retired);

    /// <summary>The person's checklist; refused when they are not on the roster.</summary>
    [Alias("Checklist")]
    Task<OnboardingChange> Checklist(string staffId);

    /// <summary>Everyone on the roster's progress, in roster order.</summary>
    [Alias("Progress")]
    Task<IReadOnlyList<OnboardingProgress>> Progress();

    /// <summary>Ticks an item for a person; ticking a ticked item changes nothing. Refused for a retired item.</summary>
    [Alias("Complete")]
    Task<OnboardingChange> Complete(string staffId, string itemId, string by);

    /// <summary>Un-ticks an item, keeping the reason in the person's history; refused when it is not ticked.</summary>
    [Alias("Uncomplete")]
    Task<OnboardingChange> Uncomplete(string staffId, string itemId, string by, string reason);
}
