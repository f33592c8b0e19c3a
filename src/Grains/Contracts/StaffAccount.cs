namespace PtHub.Grains.Contracts;

/// <summary>
/// A member of staff who signs in. The password is kept only as ASP.NET Core Identity's salted hash; the security
/// stamp changes whenever the account's access changes, which ends its open sessions.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffAccount")]
public sealed record StaffAccount(
    [property: Id(0)] string UserId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] StaffRole Role,
    [property: Id(4)] ValueList<string> ClinicIds,
    [property: Id(5)] string? TherapistId,
    [property: Id(6)] string? PasswordHash,
    [property: Id(7)] string SecurityStamp,
    [property: Id(8)] int AccessFailedCount,
    [property: Id(9)] DateTimeOffset? LockoutEnd,
    [property: Id(10)] bool Disabled,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] ValueList<EndedSession>? EndedSessions = null)
{
    /// <summary>User ids are user names compared without case, so one grain holds each name.</summary>
    public static string IdOf(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>False once the session was signed out or the account disabled: the one rule for requests and live connections.</summary>
    public bool IsSessionLive(string? sessionId) =>
        !Disabled && !(EndedSessions ?? ValueList<EndedSession>.Empty).Any(s => s.SessionId == sessionId);
}
