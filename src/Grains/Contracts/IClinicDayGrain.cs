namespace PtHub.Grains.Contracts;

/// <summary>
/// The write side of one clinic's day (key "clinic|yyyy-MM-dd"): books and reschedules visits into it against the
/// schedule, answers free starts, and keeps the day's visit index and running-late minutes (persisted). Not
/// reentrant and on no visit command's path: the live views are <see cref="IClinicDayLiveGrain"/>'s.
/// </summary>
[Alias("PtHub.IClinicDayGrain")]
public interface IClinicDayGrain : IGrainWithStringKey
{
    [Alias("Book")]
    Task<VisitResult> Book(BookVisitRequest request);

    /// <summary>Starts, every quarter hour within opening hours from now on, at which the therapist could take a visit of this length.</summary>
    [Alias("FreeStarts")]
    Task<IReadOnlyList<DateTimeOffset>> FreeStarts(string therapistId, int minutes);

    /// <summary>Moves a booked visit into this day at a new time, checking the schedule as a booking does.</summary>
    [Alias("Reschedule")]
    Task<VisitResult> Reschedule(RescheduleRequest request);

    /// <summary>A visit of this day was rescheduled to another day; one-way from the visit.</summary>
    /// <summary>
    /// Takes back a visit of this day's last step (the visit's state machine decides which); a cancel or no-show is
    /// taken back only while no other visit has been booked into its time, therapist or space meanwhile.
    /// </summary>
    [Alias("Undo")]
    Task<VisitResult> Undo(string visitId, VisitCommand command);

    [Alias("OnVisitMoved"), OneWay]
    Task OnVisitMoved(string visitId);

    /// <summary>How many minutes late the therapist runs today (0: on time).</summary>
    [Alias("GetRunningLate")]
    Task<int> GetRunningLate(string therapistId);

    /// <summary>A therapist is running late by this many minutes today (0: on time again); later starts and waits move.</summary>
    [Alias("SetRunningLate")]
    Task<Refusal?> SetRunningLate(string therapistId, int minutes);

    [Alias("OnConfigurationChanged"), OneWay]
    Task OnConfigurationChanged(ClinicConfig config);

    /// <summary>What the live side rebuilds from: the day's visit ids and running-late minutes.</summary>
    /// <summary>Interleaves: the live side, activating while a booking here awaits it, reads the index.</summary>
    [Alias("GetIndex"), AlwaysInterleave]
    Task<ClinicDayIndex> GetIndex();
}
