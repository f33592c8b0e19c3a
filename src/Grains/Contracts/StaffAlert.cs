using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>
/// A credential expiring or a training falling due: <see cref="DaysLeft"/> = the date minus the clinic's today.
/// <see cref="LeadDays"/> is the smallest lead time the date is within (so 30 at 30 days left, 60 at 31); null when
/// the date has passed (<see cref="Past"/>: expired, or overdue).
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffAlert")]
public sealed record StaffAlert(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string StaffName,
    [property: Id(2)] StaffAlertSubject Subject,
    [property: Id(3)] string TypeCode,
    [property: Id(4)] string TypeName,
    [property: Id(5)] DateOnly Date,
    [property: Id(6)] int DaysLeft,
    [property: Id(7)] int? LeadDays)
{
    public bool Past => DaysLeft < 0;
}

[JsonConverter(typeof(JsonStringEnumConverter<StaffAlertSubject>))]
public enum StaffAlertSubject
{
    Credential,
    Training,
}
