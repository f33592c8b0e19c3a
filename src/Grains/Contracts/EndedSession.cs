namespace PtHub.Grains.Contracts;

/// <summary>A session signed out before its cookie expired: refused until <see cref="Until"/>, when the cookie is dead anyway.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.EndedSession")]
public sealed record EndedSession([property: Id(0)] string SessionId, [property: Id(1)] DateTimeOffset Until);
