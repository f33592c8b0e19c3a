using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>
/// The OSHA 300 form's case type (its column M): an injury, or one of the five kinds of illness it counts apart
/// (skin disorder, respiratory condition, poisoning, hearing loss, all other illnesses).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<InjuryCaseType>))]
public enum InjuryCaseType
{
    Injury,
    SkinDisorder,
    RespiratoryCondition,
    Poisoning,
    HearingLoss,
    AllOtherIllnesses,
}
