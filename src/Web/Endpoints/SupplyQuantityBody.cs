namespace PtHub.Web.Endpoints;

/// <summary>A quantity received, used (optionally for a visit) or counted.</summary>
public sealed record SupplyQuantityBody(int? Quantity, string? VisitId)
{
    /// <summary>The most one movement or count may record: beyond any clinic's delivery, and far from overflowing the stock.</summary>
    public const int MaxQuantity = 100_000;

    public IReadOnlyDictionary<string, string[]> Validate(int least) =>
        Quantity is { } q && q >= least && q <= MaxQuantity
            ? new Dictionary<string, string[]>()
            : new Dictionary<string, string[]> { ["quantity"] = [$"quantity is a whole number from {least} to {MaxQuantity:N0}."] };
}
