using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>The commands the front desk and therapists give a visit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VisitAction>))]
public enum VisitAction
{
    [JsonStringEnumMemberName("book")] Book,
    [JsonStringEnumMemberName("arrive")] Arrive,
    [JsonStringEnumMemberName("check-in")] CheckIn,
    [JsonStringEnumMemberName("assign")] Assign,
    [JsonStringEnumMemberName("start")] StartTreatment,
    [JsonStringEnumMemberName("finish")] Finish,
    [JsonStringEnumMemberName("check-out")] CheckOut,
    [JsonStringEnumMemberName("cancel")] Cancel,
    [JsonStringEnumMemberName("no-show")] NoShow,
    [JsonStringEnumMemberName("left-without-being-seen")] LeftWithoutBeingSeen,
    [JsonStringEnumMemberName("entered-in-error")] EnteredInError,

    /// <summary>Minutes per procedure code, recorded once treatment is finished (billing).</summary>
    [JsonStringEnumMemberName("record-services")] RecordServices,

    /// <summary>The copay taken at the desk.</summary>
    [JsonStringEnumMemberName("collect-copay")] CollectCopay,

    /// <summary>A booked visit moves to another time (and perhaps therapist, space or day).</summary>
    [JsonStringEnumMemberName("reschedule")] Reschedule,
    /// <summary>Takes back the visit's last step, shortly after it was taken by mistake (recorded as its own event).</summary>
    [JsonStringEnumMemberName("undo")] Undo,

    /// <summary>The patient said they will come (by the link in a reminder, or to the desk); the visit stays booked.</summary>
    [JsonStringEnumMemberName("confirm")] Confirm,
}
