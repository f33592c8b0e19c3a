namespace PtHub.Grains.Contracts;

/// <summary>One member of staff's account (key: <see cref="StaffAccount.IdOf"/> of the user name).</summary>
[Alias("PtHub.IStaffAccountGrain")]
public interface IStaffAccountGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave]
    Task<StaffAccount?> Get();

    /// <summary>
    /// Replaces the account, only if its security stamp is still <paramref name="expectedStamp"/> (the one the caller
    /// read): a sign-in counting a failure cannot undo an administrator's change made meanwhile. False when the
    /// account does not exist or changed since.
    /// </summary>
    [Alias("Update")]
    Task<bool> Update(StaffAccount account, string expectedStamp);

    /// <summary>Signs one session out for good: its cookie is refused from the next request on, on every node.</summary>
    [Alias("EndSession")]
    Task EndSession(string sessionId, DateTimeOffset until);

    /// <summary>
    /// False once the session was signed out, or its account disabled or gone. Every request of a session asks (one
    /// in-memory look-up in the account's single activation), so a sign-out holds at once on every node.
    /// </summary>
    [Alias("IsSessionLive"), AlwaysInterleave]
    Task<bool> IsSessionLive(string sessionId);

    /// <summary>This account's failed sign-ins from <paramref name="source"/> since its last success; null when none.</summary>
    [Alias("FailuresFrom"), AlwaysInterleave]
    Task<SignInFailures?> FailuresFrom(string source);

    /// <summary>Counts one more failure from <paramref name="source"/>, and answers the count.</summary>
    [Alias("RecordFailure")]
    Task<SignInFailures> RecordFailure(string source);

    /// <summary>Forgets the failures from <paramref name="source"/> (a success), or from every source when null (an administrator's unlock).</summary>
    [Alias("ClearFailures")]
    Task ClearFailures(string? source);

    /// <summary>Used by the directory only: true when the account was new.</summary>
    [Alias("Create")]
    Task<bool> Create(StaffAccount account);
}
