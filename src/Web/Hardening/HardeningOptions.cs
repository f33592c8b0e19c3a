using System.ComponentModel.DataAnnotations;

namespace PtHub.Web.Hardening;

/// <summary>The "PtHub:Hardening" section: rate limits, request size, HSTS and the proxies trusted for client addresses.</summary>
public sealed class HardeningOptions
{
    public const string Section = "PtHub:Hardening";

    /// <summary>Sign-in attempts per minute from one client address (the <see cref="RateLimitPolicies.SignIn"/> policy).</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Commands (POST, PUT, PATCH, DELETE under /api) per minute of one signed-in user, or else of one client address.</summary>
    [Range(1, 1_000_000)]
    public int CommandsPerMinute { get; set; } = 600;

    /// <summary>
    /// Calls of the public patient-link page (reads and actions) per minute from one client address: nobody signs in
    /// there, so this is what keeps token guessing slow.
    /// </summary>
    [Range(1, 100_000)]
    public int PatientLinkRequestsPerMinute { get; set; } = 30;

    /// <summary>The largest request body Kestrel accepts; a larger one is answered 413.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The Strict-Transport-Security max-age sent outside Development.</summary>
    [Range(0, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Hub calls one live connection may make in one second; one more closes it (screens make a few per page or day change).</summary>
    [Range(1, 10_000)]
    public int HubInvocationsPerSecond { get; set; } = 20;

    /// <summary>Views one live connection may watch at once; subscribing to one more closes it (a screen watches one to three).</summary>
    [Range(1, 1000)]
    public int HubSubscriptionsPerConnection { get; set; } = 16;

    /// <summary>Refused subscriptions one live connection may make; the next one closes it.</summary>
    [Range(1, 1000)]
    public int HubRefusedJoinsPerConnection { get; set; } = 10;

    /// <summary>
    /// Repeated identical refusals (same user, same call) within this many seconds are written as one audit row with their
    /// count instead of a row each, so nobody can flood the audit log by asking again and again.
    /// </summary>
    [Range(1, 86_400)]
    public int DeniedJoinCoalesceSeconds { get; set; } = 60;

    /// <summary>
    /// Addresses (10.0.0.5) or networks (10.0.0.0/8) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto
    /// are believed. Empty: none is, and the client address is the TCP peer's.
    /// </summary>
    public IList<string> TrustedProxies { get; set; } = [];
}
