namespace PtHub.Web.Security;

/// <summary>
/// Who an audited call was by when nobody signed in (a patient through their link, the SMS provider passing on a STOP):
/// the endpoint adds one per patient concerned once it knows them, and <see cref="AuditTrail"/> records each instead of
/// one "anonymous" entry.
/// </summary>
public sealed record AuditSubject(string Who, string Role, string ClinicId, string PatientId)
{
    private static readonly object Key = new();

    public static void Add(HttpContext context, AuditSubject subject)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Key] is not List<AuditSubject> subjects)
        {
            context.Items[Key] = subjects = [];
        }

        subjects.Add(subject);
    }

    public static IReadOnlyList<AuditSubject>? Of(HttpContext context) => context.Items[Key] as List<AuditSubject>;
}
