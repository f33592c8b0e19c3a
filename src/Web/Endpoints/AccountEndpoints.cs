using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
        SignInBody body, SignInManager<StaffUser> signIn, IOptions<SecurityOptions> options)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password) || body.UserName.Length > 64 || body.Password.Length > 256)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["credentials"] = ["A user name (at most 64 characters) and a password are required."] });
        }

        var user = await signIn.UserManager.FindByNameAsync(body.UserName.Trim());
        if (user is null)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and the timing tells nothing.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, body.Password);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // One answer for a wrong name, a wrong password, a locked and a disabled account, so it tells nothing.
            return TypedResults.Problem(
                $"Wrong user name or password, or the account is disabled or locked (for {options.Value.LockoutMinutes} minutes after {options.Value.LockoutAttempts} failed sign-ins).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return TypedResults.Ok(StaffSession.Of(principal, options.Value.SessionIdleMinutes)!);
    }

    private static readonly StaffUser Nobody = new() { UserId = "nobody", UserName = "nobody", DisplayName = "nobody" };

    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<StaffUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    private static async Task<NoContent> SignOut(
        SignInManager<StaffUser> signIn, HttpContext context, IGrainFactory grains, IOptions<SecurityOptions> options,
        [FromKeyedServices(Grains.Clock.Key)] TimeProvider time)
    {
        // Also on the server: a copy of this cookie (a shared desk PC's, a stolen one) stops working too.
        if (context.User.UserId() is { } userId && context.User.FindFirst(StaffClaims.Session)?.Value is { } session
            && !context.User.HasClaim(c => c.Type == SessionPolicy.ExternalIdentityClaim))
        {
            await grains.GetGrain<Grains.Contracts.IStaffAccountGrain>(userId).EndSession(session, time.GetUtcNow().AddHours(options.Value.SessionMaxHours));
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Results<Ok<StaffSession>, ProblemHttpResult> Me(HttpContext context, IOptions<SecurityOptions> options) =>
        StaffSession.Of(context.User, options.Value.SessionIdleMinutes) is { } session
            ? TypedResults.Ok(session)
            : TypedResults.Problem("Not a staff session.", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChangeBody body, HttpContext context, SignInManager<StaffUser> signIn)
    {
        if (context.User.UserId() is not { } userId || await signIn.UserManager.FindByIdAsync(userId) is not { } user)
        {
            return TypedResults.Problem("Accounts of an identity provider change their password there.", statusCode: StatusCodes.Status409Conflict);
        }

        var result = await signIn.UserManager.ChangePasswordAsync(user, body.CurrentPassword ?? "", body.NewPassword ?? "");
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
