namespace PtHub.Grains.Contracts;

/// <summary>
/// One person on a clinic's roster. <see cref="TherapistId"/> links them to a therapist of the clinic's configuration,
/// whose working hours are the ones the schedule books against (the roster keeps no second copy);
/// <see cref="UserId"/> links them to their sign-in account, so they can read their own credentials and training.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffMember")]
public sealed record StaffMember(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string Name,
    [property: Id(2)] string JobRole,
    [property: Id(3)] DateOnly EmploymentStart,
    [property: Id(4)] string? Email,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? UserId,
    [property: Id(7)] string? TherapistId,
    [property: Id(8)] ValueList<Credential> Credentials,
    [property: Id(9)] ValueList<TrainingRecord> Training);
