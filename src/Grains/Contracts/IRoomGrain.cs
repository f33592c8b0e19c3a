namespace PtHub.Grains.Contracts;

/// <summary>A treatment space: capacity, out-of-service, who is in it now. Key: "clinic|room".</summary>
[Alias("PtHub.IRoomGrain")]
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Null retires a room removed from the clinic's configuration.</summary>
    [Alias("Configure")]
    Task Configure(TreatmentSpace? space);

    /// <summary>Takes a place for the visit; idempotent per visit. Refused when unknown, out of service or full.</summary>
    [Alias("Occupy")]
    Task<Refusal?> Occupy(string visitId);

    [Alias("Release")]
    Task Release(string visitId);

    [Alias("GetLoad"), AlwaysInterleave]
    Task<ResourceLoad?> GetLoad();
}
