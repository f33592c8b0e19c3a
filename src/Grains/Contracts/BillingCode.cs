namespace PtHub.Grains.Contracts;

/// <summary>
/// A procedure code a clinic bills: timed (15-minute units under the 8-minute rule) or service-based (one unit a day),
/// an evaluation or a treatment, its discipline (PT, OT, SLP...), and whether it is one of PtHub's built-in
/// physical-therapy codes or the clinic's own.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.BillingCode")]
public sealed record BillingCode(
    [property: Id(0)] string Code,
    [property: Id(1)] bool Timed,
    [property: Id(2)] bool Evaluation,
    [property: Id(3)] string Description,
    [property: Id(4)] string Discipline,
    [property: Id(5)] bool BuiltIn);
