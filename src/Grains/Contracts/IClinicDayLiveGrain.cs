namespace PtHub.Grains.Contracts;

/// <summary>
/// The read side of one clinic's day (the same key as <see cref="IClinicDayGrain"/>): the board, lobby and manager
/// views, the openings offered to the waitlist, the clock that moves waits and alerts on and marks no-shows, and
/// the nodes subscribed to its changes. Fed one-way by the visits; rebuilt from the day's index on activation.
/// No grain awaits it, so it can call anything without a cycle.
/// </summary>
[Alias("PtHub.IClinicDayLiveGrain")]
public interface IClinicDayLiveGrain : IGrainWithStringKey
{
    /// <summary>Keeps (or brings) the day active, so its clock-driven work (alerts, automatic no-shows) runs.</summary>
    [Alias("Wake")]
    Task Wake();

    [Alias("GetBoard")]
    Task<BoardView> GetBoard();

    [Alias("GetLobby")]
    Task<LobbyView> GetLobby();

    [Alias("GetManager")]
    Task<ManagerView> GetManager();

    [Alias("GetSchedule")]
    Task<ScheduleView> GetSchedule();

    /// <summary>How many minutes late the therapist runs today, as the views use it.</summary>
    [Alias("GetRunningLate")]
    Task<int> GetRunningLate(string therapistId);

    /// <summary>
    /// Each accepted visit command reports here, one-way; the visit's own version says which report is newer. A
    /// visit that now belongs to another day is let go of here.
    /// </summary>
    [Alias("OnVisitChanged"), OneWay]
    Task OnVisitChanged(VisitSnapshot visit);

    /// <summary>A booking the write side just made, taken in as <see cref="OnVisitChanged"/> but awaited by it.</summary>
    [Alias("OnVisitBooked")]
    Task OnVisitBooked(VisitSnapshot visit);

    /// <summary>Takes in an arrived visit (as <see cref="OnVisitChanged"/>) and answers the wait to quote the patient.</summary>
    [Alias("QuoteWait")]
    Task<int?> QuoteWait(VisitSnapshot visit);

    /// <summary>A patient's record changed (coverage, authorizations, billing counts); one-way from the patient grain.</summary>
    [Alias("OnPatientChanged"), OneWay]
    Task OnPatientChanged(PatientRecord patient);

    /// <summary>The clinic's waitlist changed: the openings' candidates are looked up again. One-way from the waitlist.</summary>
    [Alias("OnWaitlistChanged"), OneWay]
    Task OnWaitlistChanged();

    /// <summary>An opening's waitlist offers changed (a wave, an answer, a stop); one-way from its offer grain.</summary>
    [Alias("OnOfferChanged"), OneWay]
    Task OnOfferChanged(OfferSummary offer);

    [Alias("OnConfigurationChanged"), OneWay]
    Task OnConfigurationChanged(ClinicConfig config);

    /// <summary>The write side stored a therapist's running-late minutes; one-way from it.</summary>
    [Alias("OnRunningLateChanged"), OneWay]
    Task OnRunningLateChanged(string therapistId, int minutes);

    /// <summary>Starts or renews a node's subscription; it lapses unless renewed within the lease.</summary>
    [Alias("Watch")]
    Task Watch(IDashboardObserver observer, TimeSpan lease);

    [Alias("Unwatch")]
    Task Unwatch(IDashboardObserver observer);

    /// <summary>A display was revoked: every watching node drops that display's connections.</summary>
    [Alias("DisconnectDisplay")]
    Task DisconnectDisplay(string displayId);
}
