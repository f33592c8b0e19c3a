namespace PtHub.Grains.Contracts;

/// <summary>
/// Failed sign-ins (or password checks) of one account from one source since its last success: how many, and when the
/// last was. The back-off that follows from them is <c>SignInThrottle</c>'s, so it changes with the configuration.
/// </summary>
/// <param name="Source">A client address, or "session:{id}" for a signed-in session's password checks.</param>
[GenerateSerializer, Immutable, Alias("PtHub.SignInFailures")]
public sealed record SignInFailures(
    [property: Id(0)] string Source,
    [property: Id(1)] int Count,
    [property: Id(2)] DateTimeOffset Last);
