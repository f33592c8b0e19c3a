namespace PtHub.Grains.Contracts;

/// <summary>
/// Where a plan of care stands: visits attended (checked out), still booked ahead, and how many more the plan needs
/// than are booked. A shortfall above zero makes the patient under-scheduled. <see cref="LastStatusChange"/> is the
/// latest status change of the plan's visits: a plan dropped again after a visit was taken back has a later one.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.PlanProgress")]
public sealed record PlanProgress(
    [property: Id(0)] string PlanId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string PatientName,
    [property: Id(3)] int Planned,
    [property: Id(4)] int Attended,
    [property: Id(5)] int BookedAhead,
    [property: Id(6)] int Missed,
    [property: Id(7)] int Shortfall,
    [property: Id(8)] DateTimeOffset? LastStatusChange = null);
