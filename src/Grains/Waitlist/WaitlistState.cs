using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

[GenerateSerializer, Alias("PtHub.WaitlistState")]
public sealed class WaitlistState
{
    [Id(0)] public List<WaitlistEntry> Entries { get; set; } = [];
}
