using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>Staff sign-in and sign-out, the current session, and changing one's own password.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn).WithSummary("Sign in with user name and password; sets the session cookie");
        account.MapPost("/sign-out", SignOut).AllowAnonymous().WithSummary("End the session");
        account.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Staff).WithSummary("The signed-in member of staff");
        account.MapPost("/password", ChangePassword).RequireAuthorization(AccessPolicies.Staff).WithSummary("Change one's own password");
        account.MapGet("/providers", Providers).AllowAnonymous().WithSummary("How one can sign in here (password, and an identity provider if configured)");
        account.MapGet("/oidc", ExternalSignIn).AllowAnonymous().WithSummary("Sign in through the configured OpenID Connect provider");
        return api;
    }

    private static async Task<Results<Ok<StaffSession>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInBody body, SignInManager<StaffUser> signIn, IOptions<SecurityOptions> options, SignInThrottle throttle, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password) || body.UserName.Length > 64 || body.Password.Length > PasswordPolicy.MaxLength)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["credentials"] = [$"A user name (at most 64 characters) and a password (at most {PasswordPolicy.MaxLength}) are required."] });
        }

        var user = await signIn.UserManager.FindByNameAsync(body.UserName.Trim());
        var address = AuditTrail.Source(context);
        if (user is null || await throttle.IsBlockedAsync(user.UserId, address))
        {
            // Hash anyway, so an unknown name or a held-back source takes as long as a wrong password and tells nothing.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, body.Password);
            if (user is null)
            {
                await throttle.FailedAsync(null, address);
            }

            return SignInFailed(options.Value);
        }

        // Identity's own lockout is per account, which anyone could trigger for anyone: failures count per account and
        // address instead (SignInThrottle); the account-wide lock is left to password changes and administrators.
        var result = await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            if (!result.IsLockedOut && !result.IsNotAllowed)
            {
                await throttle.FailedAsync(user.UserId, address);
            }

            return SignInFailed(options.Value);
        }

        await throttle.SucceededAsync(user.UserId, address);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.Ok(StaffSession.Of(principal, options.Value.SessionIdleMinutes)!);
    }

    /// <summary>One answer for a wrong name, a wrong password, a held-back source, a locked and a disabled account, so it tells nothing.</summary>
    private static ProblemHttpResult SignInFailed(SecurityOptions options) => TypedResults.Problem(
        $"Wrong user name or password, or the account is disabled or locked (after {options.LockoutAttempts} failed sign-ins from one place, " +
        $"that place waits {options.LockoutMinutes} minutes or longer; an administrator can unlock it).",
        statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");

    private static readonly StaffUser Nobody = new() { UserId = "nobody", UserName = "nobody", DisplayName = "nobody" };

    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<StaffUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    private static async Task<NoContent> SignOut(
        SignInManager<StaffUser> signIn, HttpContext context, IGrainFactory grains, IOptions<SecurityOptions> options,
        [FromKeyedServices(Grains.Clock.Key)] TimeProvider time)
    {
        await EndSessionAsync(context, grains, options.Value, time);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Also on the server: a copy of this cookie (a shared desk PC's, a stolen one) stops working too.</summary>
    private static async Task EndSessionAsync(HttpContext context, IGrainFactory grains, SecurityOptions options, TimeProvider time)
    {
        if (context.User.UserId() is { } userId && context.User.FindFirst(StaffClaims.Session)?.Value is { } session
            && !context.User.HasClaim(c => c.Type == SessionPolicy.ExternalIdentityClaim))
        {
            await grains.GetGrain<Grains.Contracts.IStaffAccountGrain>(userId).EndSession(session, time.GetUtcNow().AddHours(options.SessionMaxHours));
        }
    }

    private static ProblemHttpResult AccountLocked() => TypedResults.Problem(
        "Too many wrong current passwords: the account is locked. An administrator can unlock it.",
        statusCode: StatusCodes.Status423Locked, title: "Account locked");

    private static Results<Ok<StaffSession>, ProblemHttpResult> Me(HttpContext context, IOptions<SecurityOptions> options) =>
        StaffSession.Of(context.User, options.Value.SessionIdleMinutes) is { } session
            ? TypedResults.Ok(session)
            : TypedResults.Problem("Not a staff session.", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChangeBody body, HttpContext context, SignInManager<StaffUser> signIn, IGrainFactory grains, IOptions<SecurityOptions> options,
        [FromKeyedServices(Grains.Clock.Key)] TimeProvider time)
    {
        if (context.User.UserId() is not { } userId || await signIn.UserManager.FindByIdAsync(userId) is not { } user)
        {
            return TypedResults.Problem("Accounts of an identity provider change their password there.", statusCode: StatusCodes.Status409Conflict);
        }

        // The current password is checked like a sign-in: a stolen session must not become a guessing oracle. Repeated
        // wrong ones lock the account itself (sign-in included) and end this session; an administrator unlocks it.
        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(user))
        {
            return AccountLocked();
        }

        if (!await users.CheckPasswordAsync(user, body.CurrentPassword ?? ""))
        {
            await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user))
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
            }

            var record = new AuditRecord(userId, context.User.StaffRole()?.ToString() ?? "Anonymous", null, null, "account.lock",
                $"password change: {options.Value.LockoutAttempts} wrong current passwords", AuditOutcomes.Ok, AuditTrail.Source(context));
            await grains.ChainOf(record).Append(record);
            await EndSessionAsync(context, grains, options.Value, time);
            await signIn.SignOutAsync();
            return AccountLocked();
        }

        await users.ResetAccessFailedCountAsync(user);
        var result = await users.ChangePasswordAsync(user, body.CurrentPassword ?? "", body.NewPassword ?? "");
        if (!result.Succeeded)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] });
        }

        // The stamp changed, which ends the other sessions; this one continues with a fresh cookie that keeps its
        // sign-in time, so changing passwords cannot stretch a session past its hard limit.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        SessionPolicy.KeepSession(context.User, (System.Security.Claims.ClaimsIdentity)principal.Identity!);
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        return TypedResults.NoContent();
    }

    private static Ok<SignInProviders> Providers(IOptions<SecurityOptions> options) =>
        TypedResults.Ok(new SignInProviders(options.Value.Oidc.Enabled ? options.Value.Oidc.DisplayName : null));

    private static Results<ChallengeHttpResult, ProblemHttpResult> ExternalSignIn(IOptions<SecurityOptions> options) =>
        options.Value.Oidc.Enabled
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OidcSignIn.Scheme])
            : TypedResults.Problem("No identity provider is configured (PtHub:Security:Oidc:Authority).", statusCode: StatusCodes.Status404NotFound);
}
