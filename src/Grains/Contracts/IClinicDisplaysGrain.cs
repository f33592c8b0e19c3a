namespace PtHub.Grains.Contracts;

/// <summary>The lobby displays paired with one clinic (key: clinic id).</summary>
[Alias("PtHub.IClinicDisplaysGrain")]
public interface IClinicDisplaysGrain : IGrainWithStringKey
{
    /// <summary>Pairs a display whose token secret hashes to <paramref name="secretHash"/>.</summary>
    [Alias("Pair")]
    Task<DisplayDevice> Pair(string name, byte[] secretHash, string pairedBy);

    /// <summary>
    /// Revokes a display and tells every node watching the clinic to drop its connections at once; false when
    /// the clinic has no such display.
    /// </summary>
    [Alias("Revoke")]
    Task<bool> Revoke(string displayId, string revokedBy);

    /// <summary>True when the display exists, is not revoked and its secret hashes to <paramref name="secretHash"/>.</summary>
    [Alias("Authenticate"), AlwaysInterleave]
    Task<bool> Authenticate(string displayId, byte[] secretHash);

    [Alias("IsActive"), AlwaysInterleave]
    Task<bool> IsActive(string displayId);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<DisplayDevice>> List();
}
