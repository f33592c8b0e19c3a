using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The last published board, lobby, manager and schedule views of one clinic-day, each with its own version. A refresh
/// rebuilds them from the day's data and reports only what really changed, each change one version higher.
/// </summary>
internal sealed class LiveViews
{
    private readonly Dictionary<string, BoardRow> _rows = [];
    private long _boardVersion;
    private DateTimeOffset _asOf;
    private ValueList<BoardOpening> _openings = [];
    private LobbyView? _lobby;
    private ManagerView? _manager;
    private readonly Dictionary<string, ScheduleEntry> _entries = [];
    private ScheduleFrame? _frame;
    private ValueList<BoardOpening> _scheduleOpenings = [];
    private long _scheduleVersion;

    /// <summary>Versions start at <paramref name="firstVersion"/>, above anything an earlier activation handed out.</summary>
    public LiveViews(long firstVersion) => _boardVersion = _scheduleVersion = firstVersion;

    /// <summary>The lobby estimate of each waiting visit, as of the last refresh.</summary>
    public IReadOnlyDictionary<string, int> Estimates { get; private set; } = new Dictionary<string, int>();

    public BoardView Board(DayData day) => new(day.ClinicId, day.Date, _boardVersion, _asOf,
        _rows.Values.OrderBy(r => r.ScheduledStart).ThenBy(r => r.VisitId, StringComparer.Ordinal).ToValueList(), _openings);

    public LobbyView Lobby => _lobby!;

    public ManagerView Manager => _manager!;

    public ScheduleView Schedule(DayData day) => new(day.ClinicId, day.Date, _scheduleVersion, _frame ?? ScheduleProjection.Frame(day.Config, day.Date),
        _entries.Values.OrderBy(e => e.ScheduledStart).ThenBy(e => e.VisitId, StringComparer.Ordinal).ToValueList(), _scheduleOpenings);

    public LiveChanges Refresh(DayData day, DateTimeOffset now)
    {
        _asOf = now;
        var estimates = new Dictionary<string, int>();
        var nextWaits = new Dictionary<string, int>();
        var pace = DayPace.From([.. day.Visits.Values]);
        foreach (var therapist in day.Config.Therapists)
        {
            var (waits, next) = WaitEstimator.Estimate(day.Visits.Values.Where(v => v.TherapistId == therapist.Id),
                therapist.MaxConcurrentPatients, now, day.LateMinutes(therapist.Id), pace);
            foreach (var (visitId, minutes) in waits)
            {
                estimates[visitId] = minutes;
            }

            nextWaits[therapist.Id] = next;
        }

        Estimates = estimates;
        return new LiveChanges(RefreshBoard(day, now), RefreshLobby(day, nextWaits, now), RefreshManager(day, now), RefreshSchedule(day, now));
    }

    private BoardDelta? RefreshBoard(DayData day, DateTimeOffset now)
    {
        var upserts = new List<BoardRow>();
        foreach (var visit in day.Visits.Values)
        {
            var row = BoardProjection.Row(visit, day.Patients.GetValueOrDefault(visit.PatientId), day.Config, now, day.Billing,
                day.Tickets.TryGetValue(visit.VisitId, out var ticket) ? ticket : null,
                Estimates.TryGetValue(visit.VisitId, out var wait) ? wait : null) with
            {
                ExpectedStart = visit.Status == VisitStatus.Booked && day.LateMinutes(visit.TherapistId) > 0
                    ? visit.ScheduledStart.AddMinutes(day.LateMinutes(visit.TherapistId))
                    : null,
            };
            if (!_rows.TryGetValue(visit.VisitId, out var known) || known != row)
            {
                _rows[visit.VisitId] = row;
                upserts.Add(row);
            }
        }

        var removed = _rows.Keys.Where(id => !day.Visits.ContainsKey(id)).ToList();
        removed.ForEach(id => _rows.Remove(id));
        var openings = day.Openings ?? [];
        var openingsChanged = openings != _openings;
        _openings = openings;
        if (upserts.Count == 0 && removed.Count == 0 && !openingsChanged)
        {
            return null;
        }

        _boardVersion++;
        return new BoardDelta(day.ClinicId, day.Date, _boardVersion,
            upserts.OrderBy(r => r.ScheduledStart).ThenBy(r => r.VisitId, StringComparer.Ordinal).ToValueList(), removed.ToValueList(),
            openingsChanged ? openings : null);
    }

    private LobbyView? RefreshLobby(DayData day, IReadOnlyDictionary<string, int> nextWaits, DateTimeOffset now)
    {
        var version = _lobby?.Version ?? _boardVersion;
        var lobby = LobbyProjection.Build(day, Estimates, nextWaits, version, now);
        if (_lobby is not null && lobby with { AsOf = _lobby.AsOf } == _lobby)
        {
            return null;
        }

        _lobby = lobby with { Version = version + 1 };
        return _lobby;
    }

    private ManagerView? RefreshManager(DayData day, DateTimeOffset now)
    {
        var version = _manager?.Version ?? _boardVersion;
        var manager = ManagerProjection.Build(day, version, now);
        if (_manager is not null && manager with { AsOf = _manager.AsOf } == _manager)
        {
            return null;
        }

        _manager = manager with { Version = version + 1 };
        return _manager;
    }

    private ScheduleDelta? RefreshSchedule(DayData day, DateTimeOffset now)
    {
        var upserts = new List<ScheduleEntry>();
        foreach (var visit in day.Visits.Values)
        {
            var entry = ScheduleProjection.Entry(visit, day.Patients.GetValueOrDefault(visit.PatientId), day.Config, now);
            if (!_entries.TryGetValue(visit.VisitId, out var known) || known != entry)
            {
                _entries[visit.VisitId] = entry;
                upserts.Add(entry);
            }
        }

        var removed = _entries.Keys.Where(id => !day.Visits.ContainsKey(id)).ToList();
        removed.ForEach(id => _entries.Remove(id));
        var frame = ScheduleProjection.Frame(day.Config, day.Date);
        var frameChanged = frame != _frame;
        _frame = frame;
        var openings = day.Openings ?? [];
        var openingsChanged = openings != _scheduleOpenings;
        _scheduleOpenings = openings;
        if (upserts.Count == 0 && removed.Count == 0 && !frameChanged && !openingsChanged)
        {
            return null;
        }

        _scheduleVersion++;
        return new ScheduleDelta(day.ClinicId, day.Date, _scheduleVersion,
            upserts.OrderBy(e => e.ScheduledStart).ThenBy(e => e.VisitId, StringComparer.Ordinal).ToValueList(), removed.ToValueList(),
            frameChanged ? frame : null, openingsChanged ? openings : null);
    }
}
