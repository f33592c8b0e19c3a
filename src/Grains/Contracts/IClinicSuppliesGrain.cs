namespace PtHub.Grains.Contracts;

/// <summary>A clinic's supplies and their stock movements (key: clinic id). Stock never goes below zero but by a count.</summary>
[Alias("PtHub.IClinicSuppliesGrain")]
public interface IClinicSuppliesGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<SupplyItem> Add(SupplyItemSpec spec);

    [Alias("Update")]
    Task<SupplyChange> Update(string itemId, SupplyItemSpec spec);

    [Alias("Receive")]
    Task<SupplyChange> Receive(string itemId, int quantity, string by);

    /// <summary>Refused (conflict, nothing changed) when more is used than is in stock.</summary>
    [Alias("Use")]
    Task<SupplyChange> Use(string itemId, int quantity, string? visitId, string by);

    /// <summary>A stock take: the counted quantity replaces the stock and the difference is recorded.</summary>
    [Alias("Count")]
    Task<SupplyChange> Count(string itemId, int counted, string by);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<SupplyItem>> List();

    /// <summary>An item's movements, newest first (all items' when <paramref name="itemId"/> is null); each item keeps its last 200.</summary>
    [Alias("History"), AlwaysInterleave]
    Task<IReadOnlyList<SupplyMovement>> History(string? itemId);
}
