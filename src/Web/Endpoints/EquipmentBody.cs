using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>A piece of equipment as a manager sets it; roomId, when given, is one of the clinic's treatment spaces.</summary>
public sealed record EquipmentBody(string? Type, string? Serial, string? Location, string? RoomId, int? IntervalMonths, DateOnly? LastService)
{
    public IReadOnlyDictionary<string, string[]> Validate(ClinicConfig config)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Type))
        {
            errors["type"] = ["type is required (e.g. treadmill, ultrasound)."];
        }

        if (string.IsNullOrWhiteSpace(Serial))
        {
            errors["serial"] = ["serial is required."];
        }

        if (!string.IsNullOrWhiteSpace(RoomId) && config.FindRoom(RoomId.Trim()) is null)
        {
            errors["roomId"] = [$"roomId must be one of {string.Join(", ", config.Rooms.Select(r => r.Id))}."];
        }

        if (IntervalMonths is null or < 1 or > 120)
        {
            errors["intervalMonths"] = ["intervalMonths is 1 to 120."];
        }

        return errors;
    }

    public EquipmentSpec ToSpec() =>
        new(Type!.Trim(), Serial!.Trim(), string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
            string.IsNullOrWhiteSpace(RoomId) ? null : RoomId.Trim(), IntervalMonths!.Value, LastService);
}
