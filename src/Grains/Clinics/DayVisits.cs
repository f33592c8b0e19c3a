using PtHub.Grains.Contracts;

namespace PtHub.Grains.Clinics;

/// <summary>
/// The visits of one clinic-day as its read side holds them, and how a visit's one-way report changes them: a newer
/// version replaces the older (reports can overtake each other), a visit moved to another day leaves and frees its
/// slot for the waitlist, a cancellation or no-show offers its slot, and an arrival takes the next lobby ticket. Holds
/// the records of the visits' patients too, read once per patient and then kept current by the patients' reports, cut
/// to what the views read (<see cref="ViewPatients"/>). A day holds a snapshot per visit all day long, so the ids and
/// codes its snapshots repeat (clinic, therapist, visit type, rooms, patient) are held once per day, not once per report.
/// </summary>
internal sealed class DayVisits(string clinicId, DateOnly date, IGrainFactory grains)
{
    private readonly Dictionary<string, VisitSnapshot> _visits = [];
    private readonly Dictionary<string, PatientRecord?> _patients = [];

    /// <summary>The last version seen of each visit that left the day, so an older report cannot bring it back.</summary>
    private readonly Dictionary<string, int> _departed = [];

    /// <summary>Patients held in the closed-visits form: a new open visit of theirs reads the full record again.</summary>
    private readonly HashSet<string> _closedOnly = [];

    private readonly Dictionary<string, string> _strings = [];

    public IReadOnlyDictionary<string, VisitSnapshot> Current => _visits;

    public IReadOnlyDictionary<string, PatientRecord?> Patients => _patients;

    public bool Belongs(VisitSnapshot visit) => visit.Date == date && visit.ClinicId == clinicId;

    /// <summary>Takes the day's visits as read on activation (those that still belong to the day).</summary>
    public void Load(IEnumerable<VisitSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots.Where(Belongs))
        {
            _visits[snapshot.VisitId] = Shared(snapshot);
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
        _visits[visit.VisitId] = Shared(visit);
        if (visit.IsClosed && !_closedOnly.Contains(visit.PatientId) && _patients.GetValueOrDefault(visit.PatientId) is { } held
            && !HasOpenVisit(visit.PatientId))
        {
            Hold(held);
        }

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

        Hold(patient);
        return true;
    }

    /// <summary>
    /// Reads the record of a visit's patient the day does not hold yet, or holds only in the closed-visits form while
    /// this visit is open (booked again, a closing step undone).
    /// </summary>
    public Task LoadMissingPatientAsync(VisitSnapshot visit) =>
        Belongs(visit) && (!_patients.ContainsKey(visit.PatientId) || !visit.IsClosed && _closedOnly.Contains(visit.PatientId))
            ? LoadPatientsAsync([visit.PatientId])
            : Task.CompletedTask;

    public async Task LoadPatientsAsync(IEnumerable<string> patientIds)
    {
        var ids = patientIds.Distinct().ToArray();
        var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<IPatientGrain>(id).Get()));
        for (var i = 0; i < ids.Length; i++)
        {
            if (records[i] is { } record)
            {
                Hold(record);
            }
            else
            {
                _patients[ids[i]] = null;
            }
        }
    }

    private void Hold(PatientRecord patient)
    {
        var open = HasOpenVisit(patient.PatientId);
        var id = Intern(patient.PatientId);
        _patients[id] = ViewPatients.ForViews(patient, open) with { PatientId = id };
        if (open)
        {
            _closedOnly.Remove(id);
        }
        else
        {
            _closedOnly.Add(id);
        }
    }

    private bool HasOpenVisit(string patientId) => _visits.Values.Any(v => v.PatientId == patientId && !v.IsClosed);

    /// <summary>The snapshot with the strings the day already holds in place of the copies each report brings.</summary>
    private VisitSnapshot Shared(VisitSnapshot visit) => visit with
    {
        VisitId = Intern(visit.VisitId),
        ClinicId = clinicId,
        PatientId = Intern(visit.PatientId),
        TherapistId = Intern(visit.TherapistId),
        VisitTypeCode = Intern(visit.VisitTypeCode),
        RoomId = visit.RoomId is null ? null : Intern(visit.RoomId),
        PlannedRoomId = visit.PlannedRoomId is null ? null : Intern(visit.PlannedRoomId),
        RoomStays = visit.RoomStays.Count == 0 ? visit.RoomStays : visit.RoomStays.Select(s => s with { RoomId = Intern(s.RoomId) }).ToValueList(),
    };

    private string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var held))
        {
            return held;
        }

        _strings[value] = value;
        return value;
    }
}
