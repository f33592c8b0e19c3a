using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>
/// Where a visit is in the clinic's flow. Codes follow FHIR R4 Appointment.status where one exists;
/// <see cref="InTreatment"/> and <see cref="Finished"/> are the Encounter's in-progress and finished,
/// <see cref="CheckedOut"/> is Appointment fulfilled.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitStatus>))]
public enum VisitStatus
{
    [JsonStringEnumMemberName("booked")] Booked,
    [JsonStringEnumMemberName("arrived")] Arrived,
    [JsonStringEnumMemberName("checked-in")] CheckedIn,
    [JsonStringEnumMemberName("in-treatment")] InTreatment,
    [JsonStringEnumMemberName("finished")] Finished,
    [JsonStringEnumMemberName("checked-out")] CheckedOut,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("noshow")] NoShow,
    [JsonStringEnumMemberName("left-without-being-seen")] LeftWithoutBeingSeen,
    [JsonStringEnumMemberName("entered-in-error")] EnteredInError,
}
