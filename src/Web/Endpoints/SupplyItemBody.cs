using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A supply item as a manager sets it: name and unit required, reorder point and quantity not negative.</summary>
public sealed record SupplyItemBody(string? Name, string? Unit, string? Supplier, int? ReorderPoint, int? ReorderQuantity)
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required."];
        }

        if (string.IsNullOrWhiteSpace(Unit))
        {
            errors["unit"] = ["unit is required (e.g. box, roll, bottle)."];
        }

        if (ReorderPoint is null or < 0)
        {
            errors["reorderPoint"] = ["reorderPoint is a whole number, 0 or more."];
        }

        if (ReorderQuantity is null or < 1)
        {
            errors["reorderQuantity"] = ["reorderQuantity is a whole number, 1 or more."];
        }

        return errors;
    }

    public SupplyItemSpec ToSpec() =>
        new(Name!.Trim(), Unit!.Trim(), string.IsNullOrWhiteSpace(Supplier) ? null : Supplier.Trim(), ReorderPoint!.Value, ReorderQuantity!.Value);
}
