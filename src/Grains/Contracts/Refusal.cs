namespace PtHub.Grains.Contracts;

/// <summary>Why a command was refused. The kind decides the HTTP status; the message is for people.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.Refusal")]
public sealed record Refusal(
    [property: Id(0)] RefusalKind Kind,
    [property: Id(1)] string Message,
    [property: Id(2)] ValueList<string>? Conflicts = null)
{
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);

    public static Refusal Invalid(string message) => new(RefusalKind.Invalid, message);

    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);
}
