using PtHub.Grains.Clinics;
using PtHub.Grains.Communication;
using PtHub.Grains.Patients;
using PtHub.Grains.Resources;
using PtHub.Grains.Visits;

namespace PtHub.Grains;

/// <summary>
/// Grain classes whose activations may go soon after they fall idle, long before the day ends: everything they hold
/// is in their persisted state (read back on the next call), and no screen or timer needs them in memory. A clinic's
/// today is kept by <see cref="ClinicDayLiveGrain"/>, which holds what the views need of each visit and patient, so
/// the visits and patients themselves are only woken by the next command or read. Not here: the live grain (it holds
/// the views and the watching nodes), the clinic (its keep-today timer) and the audit chain (its group commit).
/// </summary>
public static class ShortLivedGrains
{
    public static IReadOnlyList<Type> Classes { get; } =
    [
        typeof(VisitGrain),
        typeof(PatientGrain),
        typeof(PatientMessagingGrain),
        typeof(RoomGrain),
        typeof(TherapistGrain),

        // The booking side of a day: its index is persisted and its cached configuration is read again on activation.
        typeof(ClinicDayGrain),
    ];
}
