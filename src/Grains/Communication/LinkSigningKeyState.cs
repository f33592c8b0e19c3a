namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.LinkSigningKeyState")]
public sealed class LinkSigningKeyState
{
    [Id(0)] public byte[]? Key { get; set; }
}
