using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Staff;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic's roster with each person's credentials and training: managers and administrators keep all of it; any
/// member of staff reads their own (<c>/staff/me</c>). Every read and change is audited.
/// </summary>
internal static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/clinics/{clinicId}/staff").WithTags("Staff");
        staff.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Staff).Audited("staff.self")
            .WithSummary("The signed-in person's own roster entry with their credentials and training (404 when not on the roster)");
        var managed = staff.MapGroup("").RequireAuthorization(AccessPolicies.Manager);
        managed.MapGet("/", List).Audited("staff.read").WithSummary("The roster with credentials and training");
        managed.MapGet("/alerts", Alerts).Audited("staff.alerts")
            .WithSummary("Credentials expiring and training falling due within the clinic's lead times, or past, on the clinic's today");
        managed.MapGet("/training/{typeCode}", Training).Audited("staff.training-status")
            .WithSummary("Every person's standing in one training (e.g. hipaa): current, due soon, overdue or missing");
        managed.MapGet("/settings", GetSettings).Audited("staff.settings.read").WithSummary("Credential and training types, alert lead days");
        managed.MapPut("/settings", PutSettings).Audited("staff.settings.update").WithSummary("Replace the credential and training types and alert lead days");
        managed.MapPost("/", Add).Audited("staff.add").WithSummary("Add a person to the roster");
        managed.MapPut("/{staffId}", Update).Audited("staff.update").WithSummary("Change a person on the roster");
        managed.MapPost("/{staffId}/credentials", AddCredential).Audited("staff.credential.add").WithSummary("Record a licence or certification");
        managed.MapDelete("/{staffId}/credentials/{credentialId}", RemoveCredential).Audited("staff.credential.remove")
            .WithSummary("Remove a credential recorded in error");
        managed.MapPost("/{staffId}/training", AddTraining).Audited("staff.training.add").WithSummary("Record a training completed or assigned, with its due date");
        return api;
    }

    private static async Task<Results<Ok<StaffMember>, ProblemHttpResult>> Me(string clinicId, HttpContext context, IGrainFactory grains) =>
        context.User.UserId() is { } userId && await grains.GetGrain<IClinicStaffGrain>(clinicId).FindByUser(userId) is { } member
            ? TypedResults.Ok(member)
            : Problems.NotFound("You are not on this clinic's roster; a manager can add you.");

    private static Task<IReadOnlyList<StaffMember>> List(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicStaffGrain>(clinicId).List();

    private static async Task<Results<Ok<StaffAlerts>, ProblemHttpResult>> Alerts(string clinicId, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var staff = grains.GetGrain<IClinicStaffGrain>(clinicId);
        return TypedResults.Ok(StaffDue.Alerts(config.LocalDate(time.GetUtcNow()), await staff.GetSettings(), await staff.List()));
    }

    private static async Task<Results<Ok<IReadOnlyList<TrainingStatus>>, ProblemHttpResult>> Training(
        string clinicId, string typeCode, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var staff = grains.GetGrain<IClinicStaffGrain>(clinicId);
        var settings = await staff.GetSettings();
        return settings.FindTrainingType(typeCode) is null
            ? Problems.NotFound($"No training type '{typeCode}'.")
            : TypedResults.Ok(StaffDue.Standing(config.LocalDate(time.GetUtcNow()), settings, await staff.List(), typeCode));
    }

    private static Task<StaffSettings> GetSettings(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicStaffGrain>(clinicId).GetSettings();

    private static async Task<Results<Ok<StaffSettings>, ValidationProblem, ProblemHttpResult>> PutSettings(string clinicId, StaffSettingsBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var settings = body.ToSettings();
        return await grains.GetGrain<IClinicStaffGrain>(clinicId).SetSettings(settings) is { } refusal ? Problems.From(refusal) : TypedResults.Ok(settings);
    }

    private static async Task<Results<Created<StaffMember>, ValidationProblem, ProblemHttpResult>> Add(string clinicId, StaffMemberBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (await ValidateAsync(clinicId, body, config, grains) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var change = await grains.GetGrain<IClinicStaffGrain>(clinicId).Add(body.ToSpec());
        return change.Member is { } member
            ? TypedResults.Created($"/api/clinics/{clinicId}/staff/{member.StaffId}", member)
            : Problems.From(change.Refusal!);
    }

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult>> Update(string clinicId, string staffId, StaffMemberBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        return await ValidateAsync(clinicId, body, config, grains) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicStaffGrain>(clinicId).Update(staffId, body.ToSpec()));
    }

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult>> AddCredential(
        string clinicId, string staffId, CredentialBody body, HttpContext context, IGrainFactory grains)
    {
        var staff = grains.GetGrain<IClinicStaffGrain>(clinicId);
        return body.Validate(await staff.GetSettings()) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await staff.AddCredential(staffId, body.ToSpec(), Actor.Of(context)));
    }

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult>> RemoveCredential(
        string clinicId, string staffId, string credentialId, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IClinicStaffGrain>(clinicId).RemoveCredential(staffId, credentialId));

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult>> AddTraining(
        string clinicId, string staffId, TrainingBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var staff = grains.GetGrain<IClinicStaffGrain>(clinicId);
        var settings = await staff.GetSettings();
        return body.Validate(settings, config.LocalDate(time.GetUtcNow())) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await staff.AddTraining(staffId, body.ToSpec(settings), Actor.Of(context)));
    }

    /// <summary>The body's own rules, and that a linked account exists and works at this clinic.</summary>
    private static async Task<Dictionary<string, string[]>> ValidateAsync(string clinicId, StaffMemberBody body, ClinicConfig config, IGrainFactory grains)
    {
        var errors = body.Validate(config);
        if (!string.IsNullOrWhiteSpace(body.UserId))
        {
            var userId = body.UserId.Trim().ToLowerInvariant();
            var account = userId.Length <= 100 ? await grains.GetGrain<IStaffAccountGrain>(userId).Get() : null;
            if (account is null || (account.Role != StaffRole.Admin && !account.ClinicIds.Contains(clinicId)))
            {
                errors["userId"] = [$"userId must be the account of someone who works at {config.Name}."];
            }
        }

        return errors;
    }

    private static Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult> Answer(StaffChange change) =>
        change.Member is { } member ? TypedResults.Ok(member) : Problems.From(change.Refusal!);
}
