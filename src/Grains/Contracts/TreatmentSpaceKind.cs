using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>A treatment space: a private room holds one patient, a gym or pool several.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TreatmentSpaceKind>))]
public enum TreatmentSpaceKind
{
    [JsonStringEnumMemberName("private")] Private,
    [JsonStringEnumMemberName("gym")] Gym,
    [JsonStringEnumMemberName("pool")] Pool,
    [JsonStringEnumMemberName("other")] Other,
}
