namespace PtHub.Grains.Contracts;

/// <summary>The two outcomes an <see cref="AuditRecord"/> may carry.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";

    public const string Denied = "denied";

    public static bool IsKnown(string? outcome) => outcome is Ok or Denied;
}
