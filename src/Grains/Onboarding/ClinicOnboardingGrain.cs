using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Onboarding;

/// <summary>
/// A clinic's onboarding checklist and everyone's ticks. Marks are only ever appended, so "who ticked it, who took the
/// tick back and why" stays answerable after any number of changes.
/// </summary>
internal sealed class ClinicOnboardingGrain(
    [PersistentState("onboarding", StorageNames.State)] IPersistentState<OnboardingState> onboarding,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicOnboardingGrain
{
    public const int MaxItems = 40;

    private IReadOnlyList<OnboardingItem> Current => onboarding.State.Items ?? [.. OnboardingItem.Defaults];

    private IClinicStaffGrain Staff => GrainFactory.GetGrain<IClinicStaffGrain>(this.GetPrimaryKeyString());

    public Task<IReadOnlyList<OnboardingItem>> Items() => Task.FromResult(Current);

    public async Task<OnboardingItemsChange> AddItem(string name)
    {
        if (Current.Count >= MaxItems)
        {
            return new OnboardingItemsChange(null, Refusal.Conflict($"The checklist already has {MaxItems} items; retire or rename one instead."));
        }

        if (NameTaken(null, name) is { } refusal)
        {
            return new OnboardingItemsChange(null, refusal);
        }

        return await Save([.. Current, new OnboardingItem(Guid.NewGuid().ToString("N")[..12], name)]);
    }

    public async Task<OnboardingItemsChange> UpdateItem(string itemId, string name, bool retired)
    {
        if (Current.All(i => i.ItemId != itemId))
        {
            return new OnboardingItemsChange(null, Refusal.NotFound($"The checklist has no item '{itemId}'."));
        }

        if (!retired && NameTaken(itemId, name) is { } refusal)
        {
            return new OnboardingItemsChange(null, refusal);
        }

        return await Save([.. Current.Select(i => i.ItemId == itemId ? i with { Name = name, Retired = retired } : i)]);
    }

    public async Task<OnboardingChange> Checklist(string staffId) =>
        await Member(staffId) is { } member
            ? new OnboardingChange(OnboardingSheet.Of(member, Current, onboarding.State.Marks))
            : NotOnRoster(staffId);

    public async Task<IReadOnlyList<OnboardingProgress>> Progress()
    {
        var items = Current;
        return [.. (await Staff.List()).Select(m => OnboardingSheet.Of(m, items, onboarding.State.Marks)).Select(c => new OnboardingProgress(c.StaffId, c.Done, c.Total))];
    }

    public Task<OnboardingChange> Complete(string staffId, string itemId, string by) =>
        Mark(staffId, itemId, (item, _) =>
            item.Retired ? Refusal.Conflict($"'{item.Name}' is retired from the checklist; bring it back first.") : null, completed: true, by, reason: null);

    public Task<OnboardingChange> Uncomplete(string staffId, string itemId, string by, string reason) =>
        Mark(staffId, itemId, (item, line) =>
            line?.CompletedAt is null ? Refusal.Conflict($"'{item.Name}' is not ticked; there is nothing to take back.") : null, completed: false, by, reason);

    private async Task<OnboardingChange> Mark(
        string staffId, string itemId, Func<OnboardingItem, OnboardingLine?, Refusal?> refuse, bool completed, string by, string? reason)
    {
        if (await Member(staffId) is not { } member)
        {
            return NotOnRoster(staffId);
        }

        if (Current.FirstOrDefault(i => i.ItemId == itemId) is not { } item)
        {
            return new OnboardingChange(null, Refusal.NotFound($"The checklist has no item '{itemId}'."));
        }

        var before = OnboardingSheet.Of(member, Current, onboarding.State.Marks);
        var line = before.Items.FirstOrDefault(l => l.ItemId == itemId);
        if (refuse(item, line) is { } refusal)
        {
            return new OnboardingChange(null, refusal);
        }

        if (completed && line?.CompletedAt is not null)
        {
            return new OnboardingChange(before);
        }

        onboarding.State.Marks.Add(new OnboardingMark(staffId, itemId, completed, by, time.GetUtcNow(), reason));
        await onboarding.WriteOrDropAsync(this);
        return new OnboardingChange(OnboardingSheet.Of(member, Current, onboarding.State.Marks));
    }

    private async Task<OnboardingItemsChange> Save(List<OnboardingItem> items)
    {
        onboarding.State.Items = items;
        await onboarding.WriteOrDropAsync(this);
        return new OnboardingItemsChange(items.ToValueList());
    }

    private Refusal? NameTaken(string? itemId, string name) =>
        Current.FirstOrDefault(i => i.ItemId != itemId && !i.Retired && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)) is { } same
            ? Refusal.Conflict($"The checklist already has '{same.Name}'.")
            : null;

    private async Task<StaffMember?> Member(string staffId) => (await Staff.List()).FirstOrDefault(m => m.StaffId == staffId);

    private static OnboardingChange NotOnRoster(string staffId) => new(null, Refusal.NotFound($"No one '{staffId}' on the roster."));
}
