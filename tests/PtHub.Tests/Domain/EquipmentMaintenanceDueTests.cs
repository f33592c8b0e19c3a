using PtHub.Grains.Contracts;
using PtHub.Grains.Equipment;

namespace PtHub.Tests.Domain;

/// <summary>Due is from today to 14 days ahead, both included; overdue is before today; never serviced is neither.</summary>
public sealed class EquipmentMaintenanceDueTests
{
    private static readonly DateOnly Today = new(2027, 2, 28);

    [Fact]
    public void DueIncludesTodayAndTheFourteenthDayOverdueIsBeforeToday()
    {
        var items = new[]
        {
            Item("yesterday", Today.AddDays(-1)), Item("today", Today), Item("day-14", Today.AddDays(14)),
            Item("day-15", Today.AddDays(15)), Item("never", null),
        };

        var due = MaintenanceDue.On(Today, items);

        Assert.Equal(["today", "day-14"], due.Due.Select(i => i.ItemId));
        Assert.Equal(["yesterday"], due.Overdue.Select(i => i.ItemId));
    }

    [Fact]
    public void AMonthlyItemServicedOnJanuary31IsDueOnTheLastDayOfFebruary()
    {
        var item = Item("jan-31", null) with { LastService = new DateOnly(2027, 1, 31), IntervalMonths = 1 };

        Assert.Equal(new DateOnly(2027, 2, 28), item.NextService);
        Assert.Equal(["jan-31"], MaintenanceDue.On(Today, [item]).Due.Select(i => i.ItemId));
        Assert.Equal(["jan-31"], MaintenanceDue.On(new DateOnly(2027, 3, 1), [item]).Overdue.Select(i => i.ItemId));
    }

    /// <summary>An item whose next service is <paramref name="next"/> (an interval of 0 months keeps it at its last).</summary>
    private static EquipmentItem Item(string id, DateOnly? next) =>
        new(id, "Bike", id, null, null, 0, next, EquipmentStatus.InService, ValueList<ServiceRecord>.Empty);
}
