namespace PtHub.Grains.Contracts;

/// <summary>
/// A piece of equipment. <see cref="NextService"/> is the last service plus the interval in calendar months, clamped
/// to the month's last day (Jan 31 + 1 month = Feb 28 or 29). <see cref="TookSpaceOutOfService"/>: taking it out of
/// service also took its treatment space out, so putting it back brings the space back.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.EquipmentItem")]
public sealed record EquipmentItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Type,
    [property: Id(2)] string Serial,
    [property: Id(3)] string? Location,
    [property: Id(4)] string? RoomId,
    [property: Id(5)] int IntervalMonths,
    [property: Id(6)] DateOnly? LastService,
    [property: Id(7)] EquipmentStatus Status,
    [property: Id(8)] ValueList<ServiceRecord> Services,
    [property: Id(9)] bool TookSpaceOutOfService = false)
{
    public DateOnly? NextService => LastService?.AddMonths(IntervalMonths);
}
