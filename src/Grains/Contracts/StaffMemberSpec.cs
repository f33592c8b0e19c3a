namespace PtHub.Grains.Contracts;

/// <summary>What a manager sets of a person on the roster.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffMemberSpec")]
public sealed record StaffMemberSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string JobRole,
    [property: Id(2)] DateOnly EmploymentStart,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Phone,
    [property: Id(5)] string? UserId,
    [property: Id(6)] string? TherapistId);
