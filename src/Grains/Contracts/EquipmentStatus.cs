using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<EquipmentStatus>))]
public enum EquipmentStatus
{
    InService,
    OutOfService,
}
