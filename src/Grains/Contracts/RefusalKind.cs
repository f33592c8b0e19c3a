using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<RefusalKind>))]
public enum RefusalKind
{
    /// <summary>A referenced clinic, visit, patient, room or therapist does not exist (404).</summary>
    NotFound,

    /// <summary>The command is well-formed but makes no sense for its target (422).</summary>
    Invalid,

    /// <summary>The command clashes with the current state: illegal transition, capacity full (409).</summary>
    Conflict,
}
