namespace PtHub.Bench.Slots;

/// <summary>One pure query: FreeStarts calls per run, slots found, time per run (ms), per call (µs, median), bytes allocated per run.</summary>
internal sealed record PureFigures(string Query, string DataSet, int Days, int Therapists, int Calls, int Slots, Summary Ms, double MedianMicrosPerCall,
    long AllocatedBytes);

/// <summary>
/// One free-slot query over HTTP. Cold: first call after every grain was deactivated (one per cold round); warm:
/// repeated calls, each paired with a pure run of the same query just before or after it.
/// </summary>
internal sealed record HttpFigures(
    string Query,
    string Url,
    int GrainCalls,
    int Slots,
    int PureSlots,
    int Answers,
    int AnswersNotMatchingPure,
    int Bytes,
    Summary Cold,
    double ColdOverPure,
    IReadOnlyDictionary<string, int> ColdActivations,
    long ColdEventAppends,
    Summary? Warm,
    Summary? PureInterleaved,
    double? WarmOverPureP50,
    double? WarmOverPureP95,
    double? MedianOfPairedRatios);

internal sealed record DataSetFigures(
    string ClinicId,
    string TimeZone,
    DateOnly From,
    int Days,
    int Therapists,
    string Staff,
    int Visits,
    int Patients,
    int VisitsPerTherapistDayMin,
    double VisitsPerTherapistDayMean,
    int VisitsPerTherapistDayMax,
    string BusyTherapist,
    int BusyTherapistVisits,
    int SearchMinutes);

internal sealed record SlotsSummary(
    DateTimeOffset Date,
    MachineInfo Machine,
    string LoadAverageAtEnd,
    SlotsOptions Options,
    DataSetFigures DataSet,
    IReadOnlyList<PureFigures> Pure,
    SetupFigures Setup,
    int ActivationsLeftAfterDeactivation,
    TimeSpan CollectionAge,
    IReadOnlyList<HttpFigures> Http,
    IReadOnlyList<ColdBreakdown> ColdBreakdown,
    SequentialActivations SequentialVisitActivations,
    long WarmEventAppends,
    double TotalSeconds);

/// <summary>A cold all-therapist query taken apart (ms): activating every visit grain, then every patient grain, then the query itself.</summary>
internal sealed record ColdBreakdown(double VisitGrains, long VisitGrainEventAppends, double PatientGrains, double QueryWithWarmVisitsAndPatients);

/// <summary>Visit grains activated one at a time: ms per activation, and ms of it in the event-log append.</summary>
internal sealed record SequentialActivations(int Count, Summary Ms, Summary AppendMs);
