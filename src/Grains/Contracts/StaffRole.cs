namespace PtHub.Grains.Contracts;

/// <summary>What a member of staff may do; each role sees only the patient information its work needs.</summary>
public enum StaffRole
{
    /// <summary>Runs PtHub: users, display devices, every clinic, the audit chain check.</summary>
    Admin,

    /// <summary>Runs a clinic: configuration, utilization and KPIs, billing exports, the audit log.</summary>
    Manager,

    /// <summary>The patient-flow board: booking, arrivals, check-in, rooms, copays, coverage, the waitlist.</summary>
    FrontDesk,

    /// <summary>Their own patients' visits: start, finish, record services, running late.</summary>
    Therapist,
}
