namespace PtHub.Grains.Contracts;

/// <summary>The outcomes an <see cref="AuditRecord"/> may carry.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";

    public const string Denied = "denied";

    /// <summary>
    /// A change audited before it was applied (see <see cref="VisitCommand.Audit"/>) that then could not be stored:
    /// the entry after its "ok" entry says that the change did not happen.
    /// </summary>
    public const string Failed = "failed";

    public static bool IsKnown(string? outcome) => outcome is Ok or Denied or Failed;
}
