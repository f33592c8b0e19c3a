using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>
/// How an OSHA 300 case is classified: by its most serious outcome (the form's columns G to J), so one case has one.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<InjuryOutcome>))]
public enum InjuryOutcome
{
    Death,
    DaysAway,
    JobTransferOrRestriction,
    OtherRecordable,
}
