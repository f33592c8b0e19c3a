namespace PtHub.Grains.Contracts;

/// <summary>The answer to a visit command: the visit as it now stands, or why nothing changed.</summary>
/// <param name="Audited">True when the command's <see cref="VisitCommand.Audit"/> entry was written before the change; the caller records nothing more.</param>
[GenerateSerializer, Immutable, Alias("PtHub.VisitResult")]
public sealed record VisitResult(
    [property: Id(0)] VisitSnapshot? Visit,
    [property: Id(1)] Refusal? Refusal,
    [property: Id(2)] ValueList<string>? Warnings = null,
    [property: Id(3)] bool Audited = false)
{
    public static VisitResult Accepted(VisitSnapshot visit) => new(visit, null);

    public static VisitResult Refused(Refusal refusal) => new(null, refusal);
}
