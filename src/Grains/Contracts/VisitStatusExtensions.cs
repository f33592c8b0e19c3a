namespace PtHub.Grains.Contracts;

public static class VisitStatusExtensions
{
    /// <summary>No further lifecycle command applies (entered-in-error aside).</summary>
    public static bool IsClosed(this VisitStatus status) => status is VisitStatus.CheckedOut or VisitStatus.Cancelled
        or VisitStatus.NoShow or VisitStatus.LeftWithoutBeingSeen or VisitStatus.EnteredInError;

    /// <summary>The patient is in the building.</summary>
    public static bool IsOnSite(this VisitStatus status) => status is VisitStatus.Arrived or VisitStatus.CheckedIn
        or VisitStatus.InTreatment or VisitStatus.Finished;

    /// <summary>FHIR R4 Appointment.status for this visit status.</summary>
    public static string FhirAppointmentStatus(this VisitStatus status) => status switch
    {
        VisitStatus.Booked => "booked",
        VisitStatus.Arrived => "arrived",
        VisitStatus.CheckedIn or VisitStatus.InTreatment or VisitStatus.Finished => "checked-in",
        VisitStatus.CheckedOut => "fulfilled",
        VisitStatus.Cancelled or VisitStatus.LeftWithoutBeingSeen => "cancelled",
        VisitStatus.NoShow => "noshow",
        VisitStatus.EnteredInError => "entered-in-error",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>FHIR R4 Encounter.status for this visit status.</summary>
    public static string FhirEncounterStatus(this VisitStatus status) => status switch
    {
        VisitStatus.Booked => "planned",
        VisitStatus.Arrived or VisitStatus.CheckedIn => "arrived",
        VisitStatus.InTreatment => "in-progress",
        VisitStatus.Finished or VisitStatus.CheckedOut => "finished",
        VisitStatus.Cancelled or VisitStatus.NoShow or VisitStatus.LeftWithoutBeingSeen => "cancelled",
        VisitStatus.EnteredInError => "entered-in-error",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
