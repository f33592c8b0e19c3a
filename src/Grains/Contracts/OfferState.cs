using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>Where an opening's waitlist offers stand.</summary>
[GenerateSerializer, Alias("PtHub.OfferState"), JsonConverter(typeof(JsonStringEnumConverter<OfferState>))]
public enum OfferState
{
    /// <summary>Waves go out; the first acceptance wins.</summary>
    [JsonStringEnumMemberName("offering")] Offering,

    /// <summary>A patient accepted and was booked into the slot.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>The desk stopped the offers.</summary>
    [JsonStringEnumMemberName("stopped")] Stopped,

    /// <summary>The stop-before-start lead was reached with no acceptance.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}
