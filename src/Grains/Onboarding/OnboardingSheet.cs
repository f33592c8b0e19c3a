using PtHub.Grains.Contracts;

namespace PtHub.Grains.Onboarding;

/// <summary>A person's checklist from the clinic's items and the marks (docs/figures.md, "Onboarding progress"). Pure.</summary>
public static class OnboardingSheet
{
    public static OnboardingChecklist Of(StaffMember member, IReadOnlyList<OnboardingItem> items, IEnumerable<OnboardingMark> marks)
    {
        var own = marks.Where(m => m.StaffId == member.StaffId).ToList();
        var last = own.GroupBy(m => m.ItemId).ToDictionary(g => g.Key, g => g.Last());
        var lines = items
            .Select(item => (item, mark: last.GetValueOrDefault(item.ItemId) is { Completed: true } done ? done : null))
            .Where(x => !x.item.Retired || x.mark is not null)
            .Select(x => new OnboardingLine(x.item.ItemId, x.item.Name, x.item.Retired, x.mark?.By, x.mark?.At))
            .ToValueList();
        var active = lines.Where(l => !l.Retired).ToList();
        return new OnboardingChecklist(member.StaffId, member.Name, active.Count(l => l.CompletedAt is not null), items.Count(i => !i.Retired), lines,
            own.ToValueList());
    }
}
