namespace PtHub.Grains.Contracts;

/// <summary>
/// The secret that signs patient links when configuration gives none (key: "visit-links"): made at random on first
/// use and stored, so every node signs and checks with the same one. Each node reads it once.
/// </summary>
[Alias("PtHub.ILinkSigningKeyGrain")]
public interface ILinkSigningKeyGrain : IGrainWithStringKey
{
    [Alias("GetKey")]
    Task<byte[]> GetKey();
}
