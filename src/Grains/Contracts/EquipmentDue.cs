namespace PtHub.Grains.Contracts;

/// <summary>Equipment whose next service is past (<see cref="Overdue"/>) or within <see cref="Days"/> days of the clinic's today.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.EquipmentDue")]
public sealed record EquipmentDue(
    [property: Id(0)] DateOnly Today,
    [property: Id(1)] int Days,
    [property: Id(2)] ValueList<EquipmentItem> Due,
    [property: Id(3)] ValueList<EquipmentItem> Overdue);
