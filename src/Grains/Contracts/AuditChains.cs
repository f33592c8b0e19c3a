namespace PtHub.Grains.Contracts;

/// <summary>
/// Audit chain ids: one chain per clinic (its id) and one for system-wide actions. Clinic ids start with a letter
/// or digit, so the system chain's leading underscore can never be a clinic's.
/// </summary>
public static class AuditChains
{
    public const string System = "_system";

    public static string For(string? clinicId) => clinicId ?? System;

    /// <summary>The chain grain that records <paramref name="record"/>.</summary>
    public static IAuditChainGrain ChainOf(this IGrainFactory grains, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(record);
        return grains.GetGrain<IAuditChainGrain>(For(record.ClinicId));
    }
}
