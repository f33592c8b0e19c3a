using PtHub.Grains.Contracts;

namespace PtHub.Grains.Equipment;

/// <summary>Which equipment is overdue for service and which falls due soon, on a clinic day. Pure.</summary>
public static class MaintenanceDue
{
    public const int DueWithinDays = 14;

    public static EquipmentDue On(DateOnly today, IEnumerable<EquipmentItem> items)
    {
        var serviced = items.Where(i => i.NextService is not null).OrderBy(i => i.NextService).ToList();
        return new EquipmentDue(today, DueWithinDays,
            serviced.Where(i => i.NextService >= today && i.NextService <= today.AddDays(DueWithinDays)).ToValueList(),
            serviced.Where(i => i.NextService < today).ToValueList());
    }
}
