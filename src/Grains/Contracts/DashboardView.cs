using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

/// <summary>The live screens of a clinic; each gets a payload built for it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DashboardView>))]
public enum DashboardView
{
    /// <summary>The front desk's patient-flow board: staff detail, PHI included.</summary>
    [JsonStringEnumMemberName("board")] Board,

    /// <summary>The lobby wall display: estimated waits, no PHI at all.</summary>
    [JsonStringEnumMemberName("lobby")] Lobby,

    /// <summary>The manager's utilization view: occupancy, load and KPIs, no names.</summary>
    [JsonStringEnumMemberName("manager")] Manager,

    /// <summary>One therapist's own day: their patients only, no billing or insurance (the board's rows, filtered on the server).</summary>
    [JsonStringEnumMemberName("therapist")] Therapist,

    /// <summary>The front desk's calendar of one date (any date, not only today): every visit with its patient's name.</summary>
    [JsonStringEnumMemberName("schedule")] Schedule,
}
