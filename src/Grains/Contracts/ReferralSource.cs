using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>Where a referral came from: a physician (or other provider) or one of the clinic's marketing channels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReferralSource>))]
public enum ReferralSource
{
    Physician,
    Self,
    Web,
    Social,
    Event,
    Other,
}
