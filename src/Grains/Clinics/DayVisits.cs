using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The visits of one clinic-day as its read side holds them, and how a visit's one-way report changes them: a newer
/// version replaces the older (reports can overtake each other), a visit moved to another day leaves and frees its
/// slot for the waitlist, a cancellation or no-show offers its slot, and an arrival takes the next lobby ticket. Holds
/// the records of the visits' patients too, read once per patient and then kept current by the patients' reports.
/// </summary>
internal sealed class DayVisits(string clinicId, DateOnly date, IGrainFactory grains)
{
    private readonly Dictionary<string, VisitSnapshot> _visits = [];
    private readonly Dictionary<string, PatientRecord?> _patients = [];

    /// <summary>The last version seen of each visit that left the day, so an older report cannot bring it back.</summary>
    private readonly Dictionary<string, int> _departed = [];

    public IReadOnlyDictionary<string, VisitSnapshot> Current => _visits;

    public IReadOnlyDictionary<string, PatientRecord?> Patients => _patients;

    public bool Belongs(VisitSnapshot visit) => visit.Date == date && visit.ClinicId == clinicId;

    /// <summary>Takes the day's visits as read on activation (those that still belong to the day).</summary>
    public void Load(IEnumerable<VisitSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots.Where(Belongs))
        {
            _visits[snapshot.VisitId] = snapshot;
        }
    }

    /// <summary>A report no newer than what the day already knows of the visit (here or departed).</summary>
    public bool IsStale(VisitSnapshot visit) =>
        _visits.GetValueOrDefault(visit.VisitId)?.Version >= visit.Version || _departed.GetValueOrDefault(visit.VisitId) >= visit.Version;

    /// <summary>Applies a newer report; true when the persisted part (openings, tickets) changed and must be written.</summary>
    public bool Apply(VisitSnapshot visit, DayOpenings openings, Dictionary<string, int> tickets, DateTimeOffset now)
    {
        var known = _visits.GetValueOrDefault(visit.VisitId);
        if (!Belongs(visit))
        {
            // Rescheduled to another day: its old slot may go to the waitlist.
            _departed[visit.VisitId] = visit.Version;
            return _visits.Remove(visit.VisitId) && known is not null && (openings.Offer(known, now) | tickets.Remove(visit.VisitId));
        }

        _departed.Remove(visit.VisitId);
        _visits[visit.VisitId] = visit;
        var changed = known is { IsClosed: false } && visit.Status is VisitStatus.Cancelled or VisitStatus.NoShow && openings.Offer(visit, now);
        if (visit.ArrivedAt is not null && !tickets.ContainsKey(visit.VisitId))
        {
            tickets[visit.VisitId] = tickets.Count + 1;
            changed = true;
        }

        return changed;
    }

    /// <summary>A patient of the day changed: true when the day holds that patient (the views need a refresh).</summary>
    public bool UpdatePatient(PatientRecord patient)
    {
        if (!_patients.ContainsKey(patient.PatientId))
        {
            return false;
        }

        _patients[patient.PatientId] = patient;
        return true;
    }

    /// <summary>Reads the records of patients the day does not hold yet (a new visit's, an opening's candidates).</summary>
    public Task LoadMissingPatientAsync(VisitSnapshot visit) =>
        Belongs(visit) && !_patients.ContainsKey(visit.PatientId) ? LoadPatientsAsync([visit.PatientId]) : Task.CompletedTask;

    public async Task LoadPatientsAsync(IEnumerable<string> patientIds)
    {
        var ids = patientIds.Distinct().ToArray();
        var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<IPatientGrain>(id).Get()));
        for (var i = 0; i < ids.Length; i++)
        {
            _patients[ids[i]] = records[i];
        }
    }
}
