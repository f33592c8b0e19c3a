using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>What the dashboard hub calls on its clients. Each message carries its view's version.</summary>
public interface IDashboardClient
{
    Task BoardChanged(BoardDelta delta);

    Task LobbyChanged(LobbyView lobby);

    Task ManagerChanged(ManagerView manager);

    Task TherapistDayChanged(TherapistDayDelta delta);

    Task ScheduleChanged(ScheduleDelta delta);

    /// <summary>Sent just before the hub closes the connection for going over a limit: why (the screen shows it).</summary>
    Task Closing(string reason);
}
