namespace PtHub.Grains.Security;

[GenerateSerializer, Alias("PtHub.DataProtectionKeysState")]
public sealed class DataProtectionKeysState
{
    /// <summary>Key XML by the name data protection gives it.</summary>
    [Id(0)] public Dictionary<string, string> Keys { get; set; } = [];
}
