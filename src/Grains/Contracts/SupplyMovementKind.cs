using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<SupplyMovementKind>))]
public enum SupplyMovementKind
{
    Received,
    Used,

    /// <summary>A stock take: the counted quantity replaced the stock; the movement's change is the difference.</summary>
    Counted,
}
