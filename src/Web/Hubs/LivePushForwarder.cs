using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>
/// Sends one clinic's pushes to SignalR one after another, in the order they came. Silo-to-silo messages can
/// overtake each other (Orleans keeps two connections per pair), so a push older than one already forwarded for the
/// same view and day is dropped: a screen would ignore it anyway, and one that missed the newer push resyncs on the gap.
/// </summary>
public sealed partial class LivePushForwarder(ILogger<LivePushForwarder> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _sends = [];
    private readonly Dictionary<(string ClinicId, DashboardView View, DateOnly? Of), (DateOnly Date, long Version)> _forwarded = [];

    /// <param name="scheduleOf">The date of a schedule push (schedules of several dates are watched apart); null for today's views.</param>
    public void Forward(string clinicId, DashboardView view, DateOnly date, long version, Func<Task> send, DateOnly? scheduleOf = null)
    {
        lock (_gate)
        {
            if (_forwarded.TryGetValue((clinicId, view, scheduleOf), out var last) && last.Date == date && last.Version >= version)
            {
                return;
            }

            _forwarded[(clinicId, view, scheduleOf)] = (date, version);
            var previous = _sends.GetValueOrDefault(clinicId, Task.CompletedTask);
            _sends[clinicId] = previous.ContinueWith(async _ =>
            {
                try
                {
                    await send();
                }
                catch (Exception ex)
                {
                    LogForwardFailed(logger, ex, clinicId);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Nobody here watches the clinic's today any longer: a later watcher starts from whatever version comes.</summary>
    public void ForgetClinic(string clinicId)
    {
        lock (_gate)
        {
            _sends.Remove(clinicId);
            foreach (var view in Enum.GetValues<DashboardView>())
            {
                _forwarded.Remove((clinicId, view, null));
            }
        }
    }

    public void ForgetSchedule(string clinicId, DateOnly date)
    {
        lock (_gate)
        {
            _forwarded.Remove((clinicId, DashboardView.Schedule, date));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward a live change of clinic {ClinicId}")]
    private static partial void LogForwardFailed(ILogger logger, Exception ex, string clinicId);
}
