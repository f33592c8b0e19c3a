using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>How the lobby wall names a patient (HHS FAQ 199: limited information only).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LobbyNamingMode>))]
public enum LobbyNamingMode
{
    [JsonStringEnumMemberName("initials")] Initials,
    [JsonStringEnumMemberName("first-name-last-initial")] FirstNameLastInitial,
    [JsonStringEnumMemberName("ticket")] TicketNumber,
}
