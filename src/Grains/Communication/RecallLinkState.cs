namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.RecallLinkState")]
public sealed class RecallLinkState
{
    /// <summary>The visit booked with the link; once set, the link books nothing more.</summary>
    [Id(0)] public string? VisitId { get; set; }
}
