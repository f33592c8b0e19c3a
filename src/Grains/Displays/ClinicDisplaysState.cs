using PtHub.Grains.Contracts;

namespace PtHub.Grains.Displays;

[GenerateSerializer, Alias("PtHub.ClinicDisplaysState")]
public sealed class ClinicDisplaysState
{
    [Id(0)] public List<DisplayDevice> Displays { get; set; } = [];

    /// <summary>Token secret hashes by display id.</summary>
    [Id(1)] public Dictionary<string, byte[]> SecretHashes { get; set; } = [];
}
