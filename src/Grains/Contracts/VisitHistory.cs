using PtHub.Grains.Billing;

namespace PtHub.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("PtHub.VisitHistory")]
public sealed record VisitHistory(
    [property: Id(0)] VisitSnapshot Visit,
    [property: Id(1)] IReadOnlyList<VisitEvent> Events,
    [property: Id(2)] int? QuotedWaitMinutes,
    [property: Id(3)] ValueList<ServiceMinutes> Services,
    [property: Id(4)] VisitBilling? Billing);
