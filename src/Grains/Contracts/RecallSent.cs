namespace PtHub.Grains.Contracts;

/// <summary>A recall a clinic sent a patient: for which plan, its message in the outbox, when and by whom, and its link.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.RecallSent")]
public sealed record RecallSent(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string PlanId,
    [property: Id(2)] string MessageKey,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By,
    [property: Id(5)] RecallLink Link);
