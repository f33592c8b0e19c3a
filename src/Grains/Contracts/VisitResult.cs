namespace PtHub.Grains.Contracts;

/// <summary>The answer to a visit command: the visit as it now stands, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.VisitResult")]
public sealed record VisitResult(
    [property: Id(0)] VisitSnapshot? Visit,
    [property: Id(1)] Refusal? Refusal,
    [property: Id(2)] ValueList<string>? Warnings = null)
{
    public static VisitResult Accepted(VisitSnapshot visit) => new(visit, null);

    public static VisitResult Refused(Refusal refusal) => new(null, refusal);
}
