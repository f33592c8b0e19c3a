namespace PtHub.Grains.Contracts;

/// <summary>
/// A worklist row a member of staff marked done: which row (<see cref="RowKey"/>), the state of its condition then
/// (<see cref="Condition"/>), who and when. The row stays off its list while its condition is still that one.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.WorklistDoneMark")]
public sealed record WorklistDoneMark(
    [property: Id(0)] string RowKey,
    [property: Id(1)] string Condition,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);
