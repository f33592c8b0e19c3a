using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Equipment;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's equipment, its maintenance and its service status: managers and administrators only.</summary>
internal static class EquipmentEndpoints
{
    public static RouteGroupBuilder MapEquipmentEndpoints(this RouteGroupBuilder api)
    {
        var equipment = api.MapGroup("/clinics/{clinicId}/equipment").WithTags("Equipment").RequireAuthorization(AccessPolicies.Manager);
        equipment.MapGet("/", List).Audited("equipment.read").WithSummary("The clinic's equipment with last and next service");
        equipment.MapGet("/due", Due).Audited("equipment.due").WithSummary("Equipment overdue for service, and due within 14 days of the clinic's today");
        equipment.MapPost("/", Add).Audited("equipment.add").WithSummary("Add a piece of equipment");
        equipment.MapPut("/{itemId}", Update).Audited("equipment.update").WithSummary("Change a piece of equipment");
        equipment.MapPost("/{itemId}/service", Service).Audited("equipment.service").WithSummary("Record a service; moves the last and next service");
        equipment.MapPost("/{itemId}/status", Status).Audited("equipment.status")
            .WithSummary("In or out of service; out of service may take its treatment space out of service too (and back)");
        return api;
    }

    private static Task<IReadOnlyList<EquipmentItem>> List(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicEquipmentGrain>(clinicId).List();

    private static async Task<Results<Ok<EquipmentDue>, ProblemHttpResult>> Due(string clinicId, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is { } config
            ? TypedResults.Ok(MaintenanceDue.On(config.LocalDate(time.GetUtcNow()), await grains.GetGrain<IClinicEquipmentGrain>(clinicId).List()))
            : Problems.NotFound($"No clinic '{clinicId}'.");

    private static async Task<Results<Created<EquipmentItem>, ValidationProblem, ProblemHttpResult>> Add(string clinicId, EquipmentBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate(config) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var item = await grains.GetGrain<IClinicEquipmentGrain>(clinicId).Add(body.ToSpec());
        return TypedResults.Created($"/api/clinics/{clinicId}/equipment/{item.ItemId}", item);
    }

    private static async Task<Results<Ok<EquipmentItem>, ValidationProblem, ProblemHttpResult>> Update(string clinicId, string itemId, EquipmentBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        return body.Validate(config) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicEquipmentGrain>(clinicId).Update(itemId, body.ToSpec()));
    }

    private static async Task<Results<Ok<EquipmentItem>, ValidationProblem, ProblemHttpResult>> Service(
        string clinicId, string itemId, ServiceRecordBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        return body.Validate(config.LocalDate(time.GetUtcNow())) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicEquipmentGrain>(clinicId).RecordService(itemId, body.Date!.Value, body.By!.Trim(),
                string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), Actor.Of(context)));
    }

    private static async Task<Results<Ok<EquipmentItem>, ValidationProblem, ProblemHttpResult>> Status(
        string clinicId, string itemId, EquipmentStatusBody body, IGrainFactory grains) =>
        body.Status is not { } status || !Enum.IsDefined(status)
            ? Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["status is InService or OutOfService."] })
            : Answer(await grains.GetGrain<IClinicEquipmentGrain>(clinicId).SetStatus(itemId, status, body.TakeSpaceOutOfService ?? false));

    private static Results<Ok<EquipmentItem>, ValidationProblem, ProblemHttpResult> Answer(EquipmentChange change) =>
        change.Item is { } item ? TypedResults.Ok(item) : Problems.From(change.Refusal!);
}
