namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's plain-text template. Merge fields are <c>{clinic}</c>, <c>{date}</c>, <c>{time}</c> and
/// <c>{therapist}</c> (<see cref="MessageTemplates.Fields"/>); nothing else can be merged, so no template can carry a
/// diagnosis, a visit reason or insurance.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.MessageTemplate")]
public sealed record MessageTemplate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body);
