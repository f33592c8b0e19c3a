namespace PtHub.Grains.Contracts;

/// <summary>A recall queued (<see cref="Sent"/>) or why not (<see cref="Refusal"/>).</summary>
[GenerateSerializer, Immutable, Alias("PtHub.RecallResult")]
public sealed record RecallResult(
    [property: Id(0)] RecallSent? Sent,
    [property: Id(1)] Refusal? Refusal)
{
    public static RecallResult Refused(Refusal refusal) => new(null, refusal);
}
