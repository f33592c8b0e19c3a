using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>Staff accounts, for administrators. Passwords are generated and shown once; accounts are disabled, not deleted.</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AccessPolicies.Admin);
        users.MapGet("/", List).WithSummary("Every staff account");
        users.MapPost("/", Create).Audited("user.create").WithSummary("Create an account; its generated password is in the answer, once");
        users.MapPut("/{userId}", Update).Audited("user.update").WithSummary("Change an account's name, role, clinics or therapist, or disable it; its sessions end");
        users.MapPost("/{userId}/password-reset", ResetPassword).Audited("user.password-reset").WithSummary("Generate a new password (shown once) and unlock the account");
        users.MapPost("/{userId}/unlock", Unlock).Audited("user.unlock").WithSummary("Unlock the account, and let back every address held back from signing in to it");
        return api;
    }

    private static async Task<Results<Ok<StaffUserView>, ProblemHttpResult>> Unlock(
        string userId, UserManager<StaffUser> users, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problems.NotFound($"No user '{userId}'.");
        }

        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        if (await users.UpdateAsync(user) is { Succeeded: false } failed)
        {
            return Conflict(failed);
        }

        await grains.GetGrain<IStaffAccountGrain>(user.UserId).ClearFailures(null);
        return TypedResults.Ok(StaffUserView.Of(user.ToAccount(), time.GetUtcNow()));
    }

    private static async Task<Ok<StaffUserView[]>> List(IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var ids = await grains.GetGrain<IStaffDirectoryGrain>("all").List();
        var accounts = await Task.WhenAll(ids.Select(id => grains.GetGrain<IStaffAccountGrain>(id).Get()));
        var now = time.GetUtcNow();
        return TypedResults.Ok(accounts.OfType<StaffAccount>().OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(a => StaffUserView.Of(a, now)).ToArray());
    }

    private static async Task<Results<Created<StaffUserCreated>, ValidationProblem, ProblemHttpResult>> Create(
        StaffUserBody body, UserManager<StaffUser> users, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var errors = await ValidateAsync(body, creating: true, grains);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var user = new StaffUser
        {
            UserId = StaffAccount.IdOf(body.UserName!),
            UserName = body.UserName!.Trim(),
            DisplayName = body.DisplayName!.Trim(),
            Role = body.Role!.Value,
            ClinicIds = [.. (body.ClinicIds ?? []).Distinct(StringComparer.Ordinal)],
            TherapistId = body.TherapistId?.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var password = FirstRunAdmin.NewPassword();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(string.Join(" ", result.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status409Conflict,
                title: "Refused by the current state");
        }

        return TypedResults.Created($"/api/users/{user.UserId}", new StaffUserCreated(StaffUserView.Of(user.ToAccount(), time.GetUtcNow()), password));
    }

    private static async Task<Results<Ok<StaffUserView>, ValidationProblem, ProblemHttpResult>> Update(
        string userId, StaffUserBody body, UserManager<StaffUser> users, IGrainFactory grains, HttpContext context,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problems.NotFound($"No user '{userId}'.");
        }

        var errors = await ValidateAsync(body, creating: false, grains);
        if (user.UserId == context.User.UserId() && (body.Role != StaffRole.Admin || body.Disabled == true))
        {
            errors["role"] = ["Administrators cannot demote or disable themselves; another administrator can."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        user.DisplayName = body.DisplayName!.Trim();
        user.Role = body.Role!.Value;
        user.ClinicIds = [.. (body.ClinicIds ?? []).Distinct(StringComparer.Ordinal)];
        user.TherapistId = body.TherapistId?.Trim();
        user.Disabled = body.Disabled ?? false;
        // A new stamp ends the account's sessions at their next re-check, so the change takes effect.
        if (await users.UpdateSecurityStampAsync(user) is { Succeeded: false } failed)
        {
            return Conflict(failed);
        }

        return TypedResults.Ok(StaffUserView.Of(user.ToAccount(), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<StaffUserCreated>, ProblemHttpResult>> ResetPassword(
        string userId, UserManager<StaffUser> users, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problems.NotFound($"No user '{userId}'.");
        }

        var password = FirstRunAdmin.NewPassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        if (await users.UpdateSecurityStampAsync(user) is { Succeeded: false } failed)
        {
            return Conflict(failed);
        }

        return TypedResults.Ok(new StaffUserCreated(StaffUserView.Of(user.ToAccount(), time.GetUtcNow()), password));
    }

    private static ProblemHttpResult Conflict(IdentityResult failed) =>
        TypedResults.Problem(string.Join(" ", failed.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status409Conflict,
            title: "Refused by the current state");

    private static async Task<Dictionary<string, string[]>> ValidateAsync(StaffUserBody body, bool creating, IGrainFactory grains)
    {
        var errors = body.Validate(creating);
        if (errors.ContainsKey("clinicIds"))
        {
            return errors;
        }

        foreach (var clinicId in body.ClinicIds ?? [])
        {
            if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
            {
                errors["clinicIds"] = [$"No clinic '{clinicId}'."];
                return errors;
            }

            if (body.Role == StaffRole.Therapist && body.TherapistId is { } therapistId
                && config.FindTherapist(therapistId.Trim()) is null)
            {
                errors["therapistId"] = [$"Clinic '{clinicId}' has no therapist '{therapistId}'."];
            }
        }

        return errors;
    }
}
