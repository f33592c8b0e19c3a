using System.Text.Json.Serialization;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A clinic an administrator starts: its id (in URLs and grain keys, never changed), name and time zone. It opens on
/// weekdays 07:00-19:00 with the usual visit types and policies until its setup says otherwise.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NewClinicRequest(string? ClinicId, string? Name, string? TimeZoneId)
{
    public ClinicConfigRequest ToConfigRequest() => new(Name, TimeZoneId, null, null, null, null, null, null);
}
