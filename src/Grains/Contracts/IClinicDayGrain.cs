namespace PtHub.Grains.Contracts;

/// <summary>
/// One clinic's day (key "clinic|yyyy-MM-dd"): the index of its visits (persisted) and the live views of the
/// board, lobby and manager screens, rebuilt from the visits on activation and pushed to watching nodes.
/// </summary>
[Alias("PtHub.IClinicDayGrain")]
public interface IClinicDayGrain : IGrainWithStringKey
{
    [Alias("Book")]
    Task<VisitResult> Book(BookVisitRequest request);

    /// <summary>Keeps (or brings) the day active, so its clock-driven work (alerts, automatic no-shows) runs.</summary>
    [Alias("Wake")]
    Task Wake();

    /// <summary>Starts, every quarter hour within opening hours from now on, at which the therapist could take a visit of this length.</summary>
    [Alias("FreeStarts")]
    Task<IReadOnlyList<DateTimeOffset>> FreeStarts(string therapistId, int minutes);

    [Alias("GetBoard")]
    Task<BoardView> GetBoard();

    [Alias("GetLobby")]
    Task<LobbyView> GetLobby();

    [Alias("GetManager")]
    Task<ManagerView> GetManager();

    [Alias("GetSchedule")]
    Task<ScheduleView> GetSchedule();

    /// <summary>
    /// Each accepted visit command reports here; the answer is the wait quoted to a patient who just arrived.
    /// Interleaves, so booking a walk-in can arrive it at once.
    /// </summary>
    [Alias("OnVisitChanged"), AlwaysInterleave]
    Task<int?> OnVisitChanged(VisitSnapshot visit);

    /// <summary>A patient's record changed (coverage, authorizations, billing counts); one-way from the patient grain.</summary>
    [Alias("OnPatientChanged"), OneWay]
    Task OnPatientChanged(PatientRecord patient);

    /// <summary>A visit of this day was rescheduled to another day; one-way from the visit.</summary>
    [Alias("OnVisitMoved"), OneWay]
    Task OnVisitMoved(string visitId);

    /// <summary>Moves a booked visit into this day at a new time, checking the schedule as a booking does.</summary>
    [Alias("Reschedule")]
    Task<VisitResult> Reschedule(RescheduleRequest request);

    /// <summary>A therapist is running late by this many minutes today (0: on time again); later starts and waits move.</summary>
    /// <summary>How many minutes late the therapist runs today (0: on time).</summary>
    [Alias("GetRunningLate"), AlwaysInterleave]
    Task<int> GetRunningLate(string therapistId);

    [Alias("SetRunningLate")]
    Task<Refusal?> SetRunningLate(string therapistId, int minutes);

    /// <summary>The clinic's waitlist changed: the openings' candidates are looked up again. One-way from the waitlist.</summary>
    [Alias("OnWaitlistChanged"), OneWay]
    Task OnWaitlistChanged();

    [Alias("OnConfigurationChanged"), OneWay]
    Task OnConfigurationChanged(ClinicConfig config);

    /// <summary>Starts or renews a node's subscription; it lapses unless renewed within the lease.</summary>
    [Alias("Watch")]
    Task Watch(IDashboardObserver observer, TimeSpan lease);

    [Alias("Unwatch")]
    Task Unwatch(IDashboardObserver observer);

    /// <summary>A display was revoked: every watching node drops that display's connections.</summary>
    [Alias("DisconnectDisplay"), AlwaysInterleave]
    Task DisconnectDisplay(string displayId);
}
