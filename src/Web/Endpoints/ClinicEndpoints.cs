using PtHub.Grains;
using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

internal static class ClinicEndpoints
{
    public static RouteGroupBuilder MapClinicEndpoints(this RouteGroupBuilder api)
    {
        var clinics = api.MapGroup("/clinics").WithTags("Clinics");
        clinics.MapGet("/", ListClinics).RequireAuthorization(AccessPolicies.Staff).WithSummary("The clinics the signed-in user works at (all, for administrators)");
        clinics.MapPost("/", CreateClinic).RequireAuthorization(AccessPolicies.Admin).Audited("clinic.create").WithSummary("Create a new clinic (refused if the id is taken); set it up afterwards with PUT");
        clinics.MapGet("/{clinicId}", GetClinic).RequireAuthorization(AccessPolicies.Staff).WithSummary("A clinic's configuration");
        clinics.MapPut("/{clinicId}", PutClinic).RequireAuthorization(AccessPolicies.Manager).Audited("clinic.configure").WithSummary("Create or replace a clinic's configuration");
        clinics.MapGet("/{clinicId}/board", GetBoard).RequireAuthorization(AccessPolicies.FrontDesk).Audited("board.read").WithSummary("The front-desk board of a day (default: today in the clinic's time zone)");
        return api;
    }

    private static async Task<IReadOnlyList<ClinicListing>> ListClinics(IGrainFactory grains, HttpContext context) =>
        [.. (await grains.GetGrain<IClinicDirectoryGrain>("all").List()).Where(c => context.User.IsMemberOf(c.ClinicId))];

    private static async Task<Results<Ok<ClinicConfig>, ProblemHttpResult>> GetClinic(string clinicId, IGrainFactory grains) =>
        await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is { } config
            ? TypedResults.Ok(config)
            : Problems.NotFound($"No clinic '{clinicId}'.");

    private static async Task<Results<Ok<ClinicConfig>, ValidationProblem, ProblemHttpResult>> PutClinic(
        string clinicId, ClinicConfigRequest request, IGrainFactory grains)
    {
        if (request.NullEntries() is { Count: > 0 } nulls)
        {
            return Problems.Invalid(nulls);
        }

        var config = request.ToConfig();
        var errors = ClinicConfigRequest.Validate(clinicId, config);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        // A space that out-of-service equipment holds stays out of service: a setup draft opened before the equipment
        // went out must not bring the space back (putting the equipment back in service does).
        var held = (await grains.GetGrain<IClinicEquipmentGrain>(clinicId).List())
            .Where(i => i is { Status: EquipmentStatus.OutOfService, TookSpaceOutOfService: true, RoomId: not null }).Select(i => i.RoomId!).ToHashSet();
        if (config.Rooms.Any(r => held.Contains(r.Id) && !r.OutOfService))
        {
            config = config with { Rooms = [.. config.Rooms.Select(r => held.Contains(r.Id) ? r with { OutOfService = true } : r)] };
        }

        return await grains.GetGrain<IClinicGrain>(clinicId).Configure(config) is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Ok(config);
    }

    private static async Task<Results<Created<ClinicConfig>, ValidationProblem, ProblemHttpResult>> CreateClinic(
        NewClinicRequest request, IGrainFactory grains)
    {
        var clinicId = request.ClinicId?.Trim() ?? "";
        var config = request.ToConfigRequest().ToConfig();
        var errors = ClinicConfigRequest.Validate(clinicId, config);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await grains.GetGrain<IClinicGrain>(clinicId).Create(config) is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Created($"/api/clinics/{clinicId}", config);
    }

    private static Task<Results<Ok<BoardView>, ValidationProblem, ProblemHttpResult>> GetBoard(
        string clinicId, DateOnly? date, IGrainFactory grains, HttpContext http, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        new ClinicDayQuery(clinicId, date, grains, time).ReadAsync(async day =>
        {
            var board = await day.Live.GetBoard();
            http.DisclosePatients(Disclosed.PatientsOf(board));
            return board;
        });
}
