using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.VisitLinkState")]
public sealed class VisitLinkState
{
    /// <summary>Null while the link is unused; once set, the link does nothing more.</summary>
    [Id(0)] public VisitLinkUse? Used { get; set; }
}
