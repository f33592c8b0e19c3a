using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Supplies;

/// <summary>A clinic's supplies. Each movement and the stock it leaves are written together, so history and stock agree.</summary>
/// <remarks>
/// Each item keeps only its last <see cref="MovementsKeptPerItem"/> movements: the state is written whole on every
/// movement, so an unbounded history would make every receive and use slower for as long as the clinic runs. The
/// stock itself is kept on the item, so dropping the oldest movements never changes it.
/// </remarks>
internal sealed class ClinicSuppliesGrain(
    [PersistentState("supplies", StorageNames.State)] IPersistentState<SuppliesState> supplies,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicSuppliesGrain
{
    public const int MovementsKeptPerItem = 200;

    private List<SupplyItem> Items => supplies.State.Items;

    public async Task<SupplyItem> Add(SupplyItemSpec spec)
    {
        var item = new SupplyItem(Guid.NewGuid().ToString("N")[..12], spec.Name, spec.Unit, spec.Supplier, spec.ReorderPoint, spec.ReorderQuantity, 0);
        Items.Add(item);
        await supplies.WriteOrDropAsync(this);
        return item;
    }

    public Task<SupplyChange> Update(string itemId, SupplyItemSpec spec) =>
        Change(itemId, item => item with
        {
            Name = spec.Name, Unit = spec.Unit, Supplier = spec.Supplier, ReorderPoint = spec.ReorderPoint, ReorderQuantity = spec.ReorderQuantity,
        }, null);

    public Task<SupplyChange> Receive(string itemId, int quantity, string by) =>
        Change(itemId, item => item with { Stock = item.Stock + quantity }, (SupplyMovementKind.Received, by, null));

    public Task<SupplyChange> Use(string itemId, int quantity, string? visitId, string by) =>
        Find(itemId) is { } item && quantity > item.Stock
            ? Task.FromResult(new SupplyChange(null, Refusal.Conflict(
                $"Only {item.Stock} {item.Unit} of {item.Name} left; record a count if the shelf holds more.")))
            : Change(itemId, i => i with { Stock = i.Stock - quantity }, (SupplyMovementKind.Used, by, visitId));

    public Task<SupplyChange> Count(string itemId, int counted, string by) =>
        Change(itemId, item => item with { Stock = counted }, (SupplyMovementKind.Counted, by, null));

    public Task<IReadOnlyList<SupplyItem>> List() => Task.FromResult<IReadOnlyList<SupplyItem>>([.. Items]);

    public Task<IReadOnlyList<SupplyMovement>> History(string? itemId) =>
        Task.FromResult<IReadOnlyList<SupplyMovement>>([.. supplies.State.Movements.Where(m => itemId is null || m.ItemId == itemId).Reverse()]);

    private SupplyItem? Find(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);

    private async Task<SupplyChange> Change(string itemId, Func<SupplyItem, SupplyItem> change, (SupplyMovementKind Kind, string By, string? VisitId)? movement)
    {
        var index = Items.FindIndex(i => i.ItemId == itemId);
        if (index < 0)
        {
            return new SupplyChange(null, Refusal.NotFound($"No supply item '{itemId}'."));
        }

        var before = Items[index];
        var after = change(before);
        Items[index] = after;
        if (movement is { } m)
        {
            var movements = supplies.State.Movements;
            movements.Add(new SupplyMovement(itemId, m.Kind, after.Stock - before.Stock, after.Stock, m.By, time.GetUtcNow(), m.VisitId));
            if (movements.Count(x => x.ItemId == itemId) > MovementsKeptPerItem)
            {
                movements.RemoveAt(movements.FindIndex(x => x.ItemId == itemId));
            }
        }

        await supplies.WriteOrDropAsync(this);
        return new SupplyChange(after);
    }
}
