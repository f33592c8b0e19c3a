using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// One clinic's day: books visits into it and keeps the live board. Only the visit index is persisted; on
/// activation the board is rebuilt from the visits themselves, so a crash loses nothing a visit accepted.
/// </summary>
internal sealed class ClinicDayGrain(
    [PersistentState("clinicday", StorageNames.State)] IPersistentState<ClinicDayState> day,
    TimeProvider time) : Grain, IClinicDayGrain
{
    private readonly Dictionary<string, VisitSnapshot> _visits = [];
    private readonly Dictionary<string, PatientRecord?> _patients = [];
    private ClinicConfig? _config;
    private long _version;
    private string _clinicId = "";
    private DateOnly _date;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_clinicId, _date) = GrainKeys.SplitClinicDay(this.GetPrimaryKeyString());

        // Each activation starts a new epoch above every version the last one handed out; the jump tells a client to resync.
        day.State.Epoch++;
        await day.WriteStateAsync(cancellationToken);
        _version = (long)day.State.Epoch << 32;
        _config = await GrainFactory.GetGrain<IClinicGrain>(_clinicId).GetConfig();
        var snapshots = await Task.WhenAll(day.State.VisitIds.Select(id => GrainFactory.GetGrain<IVisitGrain>(id).GetSnapshot()));
        foreach (var snapshot in snapshots.OfType<VisitSnapshot>())
        {
            _visits[snapshot.VisitId] = snapshot;
        }

        await LoadPatientsAsync(_visits.Values.Select(v => v.PatientId));
    }

    public async Task<VisitResult> Book(BookVisitRequest request)
    {
        if (_config is null)
        {
            return VisitResult.Refused(Refusal.NotFound($"No clinic '{_clinicId}'."));
        }

        var visitId = request.CommandId?.ToString("N") ?? Guid.NewGuid().ToString("N");
        if (_visits.TryGetValue(visitId, out var existing))
        {
            return VisitResult.Accepted(existing);
        }

        if (await ValidateAsync(request) is { } refusal)
        {
            return VisitResult.Refused(refusal);
        }

        var type = _config.FindVisitType(request.VisitTypeCode)!;
        var booking = new VisitBooking(_clinicId, request.PatientId, request.TherapistId, type.Code,
            request.ScheduledStart, request.DurationMinutes ?? type.DefaultMinutes, _date, request.WalkIn, request.Actor, request.CommandId);
        var visit = GrainFactory.GetGrain<IVisitGrain>(visitId);
        var result = await visit.Book(booking);
        if (result.Visit is null)
        {
            return result;
        }

        if (!day.State.VisitIds.Contains(visitId))
        {
            day.State.VisitIds.Add(visitId);
            await day.WriteStateAsync();
        }

        Upsert(result.Visit);
        if (request.WalkIn && result.Visit.Status == VisitStatus.Booked)
        {
            // A walk-in is here already. The visit reports the arrival back through OnVisitChanged, which interleaves.
            result = await visit.Execute(new VisitCommand(VisitAction.Arrive, request.Actor, CommandIds.Derive(request.CommandId, "arrive")));
        }

        return result;
    }

    public Task<BoardView> GetBoard()
    {
        var now = time.GetUtcNow();
        var config = _config;
        IReadOnlyList<BoardRow> rows = config is null
            ? []
            : _visits.Values
                .OrderBy(v => v.ScheduledStart).ThenBy(v => v.VisitId, StringComparer.Ordinal)
                .Select(v => BoardProjection.Row(v, _patients.GetValueOrDefault(v.PatientId), config, now))
                .ToArray();
        return Task.FromResult(new BoardView(_clinicId, _date, _version, now, rows));
    }

    public async Task OnVisitChanged(VisitSnapshot visit)
    {
        if (!_patients.ContainsKey(visit.PatientId))
        {
            await LoadPatientsAsync([visit.PatientId]);
        }

        Upsert(visit);
    }

    public Task OnConfigurationChanged(ClinicConfig config)
    {
        _config = config;
        _version++;
        return Task.CompletedTask;
    }

    private void Upsert(VisitSnapshot visit)
    {
        // Reports can interleave; a visit's own version says which is newer.
        if (_visits.TryGetValue(visit.VisitId, out var known) && known.Version >= visit.Version)
        {
            return;
        }

        _visits[visit.VisitId] = visit;
        _version++;
    }

    private async Task<Refusal?> ValidateAsync(BookVisitRequest request)
    {
        var config = _config!;
        if (config.FindTherapist(request.TherapistId) is null)
        {
            return Refusal.NotFound($"No therapist '{request.TherapistId}' in {config.Name}.");
        }

        if (config.FindVisitType(request.VisitTypeCode) is null)
        {
            return Refusal.Invalid($"Unknown visit type '{request.VisitTypeCode}'; {config.Name} offers {string.Join(", ", config.VisitTypes.Select(t => t.Code))}.");
        }

        if (request.DurationMinutes is < 5 or > 480)
        {
            return Refusal.Invalid("A visit lasts 5 to 480 minutes.");
        }

        var localDate = config.LocalDate(request.ScheduledStart);
        if (localDate != _date)
        {
            return Refusal.Invalid($"The visit starts on {localDate:yyyy-MM-dd} in the clinic's time zone, not on {_date:yyyy-MM-dd}.");
        }

        await LoadPatientsAsync([request.PatientId]);
        var patient = _patients[request.PatientId];
        return patient is null || patient.Details.ClinicId != _clinicId
            ? Refusal.NotFound($"No patient '{request.PatientId}' in {config.Name}.")
            : null;
    }

    private async Task LoadPatientsAsync(IEnumerable<string> patientIds)
    {
        var ids = patientIds.Distinct().ToArray();
        var records = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IPatientGrain>(id).Get()));
        for (var i = 0; i < ids.Length; i++)
        {
            _patients[ids[i]] = records[i];
        }
    }
}
