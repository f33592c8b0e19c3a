using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>One person's standing in one training: the record due last, and what that means on the clinic's today.</summary>
[GenerateSerializer, Immutable, Alias("PtHub.TrainingStatus")]
public sealed record TrainingStatus(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string StaffName,
    [property: Id(2)] string TypeCode,
    [property: Id(3)] TrainingStanding Standing,
    [property: Id(4)] DateOnly? CompletedOn,
    [property: Id(5)] DateOnly? DueOn);

/// <summary>Current: due after the longest lead time; DueSoon: due within it; Overdue: due before today; Missing: never recorded.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingStanding>))]
public enum TrainingStanding
{
    Current,
    DueSoon,
    Overdue,
    Missing,
}
