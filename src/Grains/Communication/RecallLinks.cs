using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// The token of a <see cref="RecallLink"/>: "r1.{payload}.{signature}", signed like a visit link (<see cref="SignedPayloads"/>)
/// under a key of its own kind and clinic, so a visit link never checks as a recall link or the other way round. Pure.
/// </summary>
public static class RecallLinks
{
    /// <summary>Who books with a recall link, in the visit's history and the audit log.</summary>
    public const string Actor = "patient via recall link";

    public const string UsedMessage = "This link was already used to book a visit.";

    private const string Version = "r1";
    private const string Purpose = "recall link";

    private sealed record Payload(string C, string P, string L, string T, string Y, long E, string N);

    public static string Sign(ReadOnlySpan<byte> masterKey, RecallLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return SignedPayloads.Sign(masterKey, Version, Purpose, link.ClinicId, new Payload(link.ClinicId, link.PatientId, link.PlanId,
            link.TherapistId, link.VisitTypeCode, link.ExpiresAt.ToUnixTimeSeconds(), link.Nonce));
    }

    /// <summary>The link a token stands for, or null when it is malformed or its signature does not check.</summary>
    public static RecallLink? Read(ReadOnlySpan<byte> masterKey, string? token) =>
        SignedPayloads.Read<Payload>(masterKey, Version, Purpose, token, p => p.C) is { P.Length: > 0, L.Length: > 0, T.Length: > 0, Y.Length: > 0, N.Length: > 0 } p
            ? new RecallLink(p.C, p.P, p.L, p.T, p.Y, DateTimeOffset.FromUnixTimeSeconds(p.E), p.N)
            : null;
}
