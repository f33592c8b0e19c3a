namespace PtHub.Web.Endpoints;

/// <summary>A quantity received, used (optionally for a visit) or counted.</summary>
public sealed record SupplyQuantityBody(int? Quantity, string? VisitId)
{
    public IReadOnlyDictionary<string, string[]> Validate(int least) =>
        Quantity is { } q && q >= least
            ? new Dictionary<string, string[]>()
            : new Dictionary<string, string[]> { ["quantity"] = [$"quantity is a whole number, {least} or more."] };
}
