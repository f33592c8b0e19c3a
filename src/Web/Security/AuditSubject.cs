namespace PtHub.Web.Security;

/// <summary>
/// Who an audited call was by when nobody signed in (a patient through their link): the endpoint puts it in
/// <see cref="HttpContext.Items"/> once it knows, and <see cref="AuditTrail"/> records it instead of "anonymous".
/// </summary>
public sealed record AuditSubject(string Who, string Role, string ClinicId, string PatientId)
{
    public static readonly object Key = new();
}
