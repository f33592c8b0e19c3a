namespace PtHub.Grains.Contracts;

/// <summary>
/// The ASP.NET Core data-protection key ring shared by every node (key: "all"), so a session cookie issued by one
/// node is read by any other behind the load balancer. Written when a key is created (every 90 days).
/// </summary>
[Alias("PtHub.IDataProtectionKeysGrain")]
public interface IDataProtectionKeysGrain : IGrainWithStringKey
{
    [Alias("GetAll"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetAll();

    [Alias("Add")]
    Task Add(string friendlyName, string xml);
}
