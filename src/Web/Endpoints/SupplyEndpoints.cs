using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's supplies. Managers and administrators keep the items and take stock; the front desk, who hands supplies
/// out and signs for deliveries, also reads the list and records use and receiving.
/// </summary>
internal static class SupplyEndpoints
{
    public static RouteGroupBuilder MapSupplyEndpoints(this RouteGroupBuilder api)
    {
        var supplies = api.MapGroup("/clinics/{clinicId}/supplies").WithTags("Supplies");
        supplies.MapGet("/", List).RequireAuthorization(AccessPolicies.FrontDesk).Audited("supplies.read").WithSummary("The clinic's supply items with stock");
        supplies.MapGet("/low-stock", LowStock).RequireAuthorization(AccessPolicies.FrontDesk).Audited("supplies.low-stock").WithSummary("Items at or under their reorder point");
        supplies.MapGet("/reorder.csv", Reorder).RequireAuthorization(AccessPolicies.Manager).Audited("supplies.reorder").WithSummary("The reorder list as CSV: item, supplier, stock, reorder quantity");
        supplies.MapGet("/history", History).RequireAuthorization(AccessPolicies.Manager).Audited("supplies.history").WithSummary("Stock movements, newest first (one item's with ?itemId=)");
        supplies.MapPost("/", Add).RequireAuthorization(AccessPolicies.Manager).Audited("supplies.add").WithSummary("Add a supply item (stock 0; receive or count to set it)");
        supplies.MapPut("/{itemId}", Update).RequireAuthorization(AccessPolicies.Manager).Audited("supplies.update").WithSummary("Change an item's name, unit, supplier or reorder settings");
        supplies.MapPost("/{itemId}/receive", Receive).RequireAuthorization(AccessPolicies.FrontDesk).Audited("supplies.receive").WithSummary("Record a delivery (+quantity)");
        supplies.MapPost("/{itemId}/use", Use).RequireAuthorization(AccessPolicies.FrontDesk).Audited("supplies.use").WithSummary("Record use (-quantity, optionally for a visit); refused beyond the stock");
        supplies.MapPost("/{itemId}/count", Count).RequireAuthorization(AccessPolicies.Manager).Audited("supplies.count").WithSummary("Record a stock take: the count replaces the stock, the difference is recorded");
        return api;
    }

    private static Task<IReadOnlyList<SupplyItem>> List(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicSuppliesGrain>(clinicId).List();

    private static async Task<IReadOnlyList<SupplyItem>> LowStock(string clinicId, IGrainFactory grains) =>
        [.. (await grains.GetGrain<IClinicSuppliesGrain>(clinicId).List()).Where(i => i.Low)];

    private static Task<IReadOnlyList<SupplyMovement>> History(string clinicId, string? itemId, IGrainFactory grains) =>
        grains.GetGrain<IClinicSuppliesGrain>(clinicId).History(itemId);

    private static async Task<IResult> Reorder(string clinicId, IGrainFactory grains)
    {
        var csv = new StringBuilder("item,supplier,stock,reorder quantity\n");
        foreach (var item in (await grains.GetGrain<IClinicSuppliesGrain>(clinicId).List()).Where(i => i.Low).OrderBy(i => i.Supplier).ThenBy(i => i.Name))
        {
            csv.AppendJoin(',', ChargeEndpoints.Cell(item.Name), ChargeEndpoints.Cell(item.Supplier ?? ""),
                item.Stock.ToString(CultureInfo.InvariantCulture), item.ReorderQuantity.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"reorder-{clinicId}.csv");
    }

    private static async Task<Results<Created<SupplyItem>, ValidationProblem, ProblemHttpResult>> Add(string clinicId, SupplyItemBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var item = await grains.GetGrain<IClinicSuppliesGrain>(clinicId).Add(body.ToSpec());
        return TypedResults.Created($"/api/clinics/{clinicId}/supplies/{item.ItemId}", item);
    }

    private static async Task<Results<Ok<SupplyItem>, ValidationProblem, ProblemHttpResult>> Update(string clinicId, string itemId, SupplyItemBody body, IGrainFactory grains) =>
        body.Validate() is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicSuppliesGrain>(clinicId).Update(itemId, body.ToSpec()));

    private static async Task<Results<Ok<SupplyItem>, ValidationProblem, ProblemHttpResult>> Receive(
        string clinicId, string itemId, SupplyQuantityBody body, HttpContext context, IGrainFactory grains) =>
        body.Validate(1) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicSuppliesGrain>(clinicId).Receive(itemId, body.Quantity!.Value, Actor.Of(context)));

    private static async Task<Results<Ok<SupplyItem>, ValidationProblem, ProblemHttpResult>> Use(
        string clinicId, string itemId, SupplyQuantityBody body, HttpContext context, IGrainFactory grains)
    {
        if (body.Validate(1) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var visitId = string.IsNullOrWhiteSpace(body.VisitId) ? null : body.VisitId.Trim();
        if (visitId is not null && (await grains.GetGrain<IVisitGrain>(visitId).GetSnapshot())?.ClinicId != clinicId)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["visitId"] = [$"No visit '{visitId}' at this clinic."] });
        }

        return Answer(await grains.GetGrain<IClinicSuppliesGrain>(clinicId).Use(itemId, body.Quantity!.Value, visitId, Actor.Of(context)));
    }

    private static async Task<Results<Ok<SupplyItem>, ValidationProblem, ProblemHttpResult>> Count(
        string clinicId, string itemId, SupplyQuantityBody body, HttpContext context, IGrainFactory grains) =>
        body.Validate(0) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicSuppliesGrain>(clinicId).Count(itemId, body.Quantity!.Value, Actor.Of(context)));

    private static Results<Ok<SupplyItem>, ValidationProblem, ProblemHttpResult> Answer(SupplyChange change) =>
        change.Item is { } item ? TypedResults.Ok(item) : Problems.From(change.Refusal!);
}
