namespace PtHub.Grains.Billing;

/// <summary>
/// A CPT/HCPCS code a PT clinic bills. A timed code is billed in 15-minute units; an untimed code is billed once
/// per patient per day whatever its minutes. The descriptor is our own short wording, not the AMA's.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ProcedureCode")]
public sealed record ProcedureCode(
    [property: Id(0)] string Code,
    [property: Id(1)] bool Timed,
    [property: Id(2)] string Descriptor,
    [property: Id(3)] bool Evaluation = false);
