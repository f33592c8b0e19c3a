using PtHub.Grains.Contracts;

namespace PtHub.Web.Hubs;

/// <summary>
/// Which of this node's connections watch which clinic (its today's views, a therapist's day) and which clinic's
/// schedule of which date; says when the last watcher of a clinic-day leaves, so the bridge can unsubscribe.
/// </summary>
public sealed class LiveWatchRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClinicWatch> _clinics = [];
    private readonly Dictionary<(string ClinicId, DateOnly Date), HashSet<string>> _schedules = [];

    /// <summary>A clinic-day nobody on this node watches any longer.</summary>
    public readonly record struct Unwatched(string ClinicId, IClinicDayLiveGrain? Day, bool ScheduleStillWatched);

    public void AddClinic(string connectionId, string clinicId, DashboardView view, IClinicDayLiveGrain day)
    {
        lock (_gate)
        {
            if (!_clinics.TryGetValue(clinicId, out var watch))
            {
                _clinics[clinicId] = watch = new ClinicWatch();
            }

            watch.Connections.Add((connectionId, view));
            watch.Day = day;
        }
    }

    /// <summary>Adds the therapist of a connection that already watches the clinic's therapist view.</summary>
    public void AddTherapist(string connectionId, string clinicId, string therapistId)
    {
        lock (_gate)
        {
            if (_clinics.TryGetValue(clinicId, out var watch))
            {
                watch.Therapists.Add((connectionId, therapistId));
            }
        }
    }

    /// <summary>The day a clinic's watch follows, renewed at each beat (a new one at midnight).</summary>
    public void SetDay(string clinicId, IClinicDayLiveGrain day)
    {
        lock (_gate)
        {
            if (_clinics.TryGetValue(clinicId, out var watch))
            {
                watch.Day = day;
            }
        }
    }

    public Unwatched? RemoveClinic(string connectionId, string clinicId, DashboardView view)
    {
        lock (_gate)
        {
            if (!_clinics.TryGetValue(clinicId, out var watch))
            {
                return null;
            }

            watch.Connections.Remove((connectionId, view));
            if (view == DashboardView.Therapist)
            {
                watch.Therapists.RemoveWhere(c => c.ConnectionId == connectionId);
            }

            return ForgetIfUnwatched(clinicId, watch);
        }
    }

    public void AddSchedule(string connectionId, string clinicId, DateOnly date)
    {
        lock (_gate)
        {
            if (!_schedules.TryGetValue((clinicId, date), out var connections))
            {
                _schedules[(clinicId, date)] = connections = [];
            }

            connections.Add(connectionId);
        }
    }

    /// <summary>True when it was the schedule's last watcher here.</summary>
    public bool RemoveSchedule(string connectionId, string clinicId, DateOnly date)
    {
        lock (_gate)
        {
            return ForgetSchedule(connectionId, (clinicId, date));
        }
    }

    /// <summary>A connection gone: the clinics and schedules it was the last watcher of.</summary>
    public (List<Unwatched> Clinics, List<(string ClinicId, DateOnly Date)> Schedules) RemoveConnection(string connectionId)
    {
        lock (_gate)
        {
            var schedules = _schedules.Keys.Where(key => ForgetSchedule(connectionId, key)).ToList();
            var clinics = new List<Unwatched>();
            foreach (var (clinicId, watch) in _clinics.ToArray())
            {
                watch.Connections.RemoveWhere(c => c.ConnectionId == connectionId);
                watch.Therapists.RemoveWhere(c => c.ConnectionId == connectionId);
                if (ForgetIfUnwatched(clinicId, watch) is { } unwatched)
                {
                    clinics.Add(unwatched);
                }
            }

            return (clinics, schedules);
        }
    }

    /// <summary>The therapists watched in a clinic (each once).</summary>
    public string[] Therapists(string clinicId)
    {
        lock (_gate)
        {
            return _clinics.TryGetValue(clinicId, out var watch) ? [.. watch.Therapists.Select(t => t.TherapistId).Distinct()] : [];
        }
    }

    public string[] Clinics()
    {
        lock (_gate)
        {
            return [.. _clinics.Keys];
        }
    }

    public (string ClinicId, DateOnly Date)[] Schedules()
    {
        lock (_gate)
        {
            return [.. _schedules.Keys];
        }
    }

    private Unwatched? ForgetIfUnwatched(string clinicId, ClinicWatch watch)
    {
        if (watch.Connections.Count > 0)
        {
            return null;
        }

        _clinics.Remove(clinicId);
        // Today's grain may be watched for its schedule as well; then its subscription must stay.
        var scheduleWatched = watch.Day is { } day && _schedules.ContainsKey((clinicId, GrainKeys.SplitClinicDay(day.GetPrimaryKeyString()).Date));
        return new Unwatched(clinicId, watch.Day, scheduleWatched);
    }

    private bool ForgetSchedule(string connectionId, (string ClinicId, DateOnly Date) key)
    {
        if (_schedules.TryGetValue(key, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
        {
            _schedules.Remove(key);
            return true;
        }

        return false;
    }

    private sealed class ClinicWatch
    {
        public HashSet<(string ConnectionId, DashboardView View)> Connections { get; } = [];

        public HashSet<(string ConnectionId, string TherapistId)> Therapists { get; } = [];

        public IClinicDayLiveGrain? Day { get; set; }
    }
}
