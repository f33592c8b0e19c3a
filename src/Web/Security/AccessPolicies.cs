using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Every endpoint names one of these (deny by default: an endpoint without one refuses everybody). Where a route
/// names a clinic the user must belong to it; where it names a therapist, a therapist user must be that therapist.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "staff";

    /// <summary>The patient-flow desk and above: the board, patients, booking, coverage, the waitlist.</summary>
    public const string FrontDesk = "front-desk";

    /// <summary>A therapist's own things (their calendar feed), or a manager or administrator.</summary>
    public const string TherapistSelf = "therapist-self";

    /// <summary>Clinic managers and administrators: configuration, exports, the audit log.</summary>
    public const string Manager = "manager";

    /// <summary>Administrators only: users, display devices, the audit chain check.</summary>
    public const string Admin = "admin";

    /// <summary>The live screens' hub: staff, or a paired display; the hub decides per view.</summary>
    public const string LiveScreen = "live-screen";

    /// <summary>The roles each staff policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, StaffRole[]> Roles = new Dictionary<string, StaffRole[]>
    {
        [Staff] = [StaffRole.Admin, StaffRole.Manager, StaffRole.FrontDesk, StaffRole.Therapist],
        [FrontDesk] = [StaffRole.Admin, StaffRole.Manager, StaffRole.FrontDesk],
        [TherapistSelf] = [StaffRole.Admin, StaffRole.Manager, StaffRole.Therapist],
        [Manager] = [StaffRole.Admin, StaffRole.Manager],
        [Admin] = [StaffRole.Admin],
    };
}
