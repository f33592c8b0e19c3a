namespace PtHub.Grains.Contracts;

/// <summary>
/// What a recall's booking link lets a patient do: book one visit of <paramref name="VisitTypeCode"/> with
/// <paramref name="TherapistId"/> at the clinic, for the plan of care they dropped off, until <paramref name="ExpiresAt"/>.
/// <paramref name="Nonce"/> names the link (derived from the recall's message key), so it is used once.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.RecallLink")]
public sealed record RecallLink(
    [property: Id(0)] string ClinicId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string PlanId,
    [property: Id(3)] string TherapistId,
    [property: Id(4)] string VisitTypeCode,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string Nonce);
