namespace PtHub.Web.Hardening;

/// <summary>The names of PtHub's rate-limiting policies, for <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>A fixed window of <see cref="HardeningOptions.SignInPermitsPerMinute"/> per client address; for the sign-in endpoint.</summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// A token bucket of <see cref="HardeningOptions.CommandsPerMinute"/> per signed-in user, else per client address.
    /// Limits only unsafe methods, so it can be put on a whole group of endpoints and leave reads alone.
    /// </summary>
    public const string Commands = "commands";

    /// <summary>A fixed window of <see cref="HardeningOptions.PatientLinkRequestsPerMinute"/> per client address; for the public patient-link page's calls, reads too.</summary>
    public const string PatientLinks = "patient-links";
}
