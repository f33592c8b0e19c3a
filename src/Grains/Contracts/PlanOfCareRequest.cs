namespace PtHub.Grains.Contracts;

/// <summary>A plan of care to book: N visits a week for M weeks on preferred days at a preferred local time.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.PlanOfCareRequest")]
public sealed record PlanOfCareRequest(
    [property: Id(0)] string TherapistId,
    [property: Id(1)] string VisitTypeCode,
    [property: Id(2)] int VisitsPerWeek,
    [property: Id(3)] int Weeks,
    [property: Id(4)] DateOnly StartDate,
    [property: Id(5)] ValueList<DayOfWeek> PreferredDays,
    [property: Id(6)] TimeOnly PreferredTime,
    [property: Id(7)] string? RoomId,
    [property: Id(8)] string Actor);
