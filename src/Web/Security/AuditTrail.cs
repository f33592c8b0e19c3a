using System.Security.Claims;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>
/// Writes who read or changed which patient's information to the hash-chained audit log (45 CFR 164.312(b)).
/// An audited endpoint answers only after its entry is durable: if the log cannot be written, the reader gets an
/// error instead of unrecorded PHI.
/// </summary>
internal static class AuditTrail
{
    private static readonly object DisclosedKey = new();

    private static readonly object RecordedWithChangeKey = new();

    /// <summary>
    /// The audit entry of this request's change, for a grain that writes it before the change takes effect (audit
    /// before effect, e.g. <see cref="VisitCommand.Audit"/>); its patient is left for the grain to fill in. Call
    /// <see cref="RecordedWithChange"/> once the grain says it wrote it, so the filter does not write it again.
    /// </summary>
    public static AuditRecord ChangeRecord(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var audited = http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>()
            ?? throw new InvalidOperationException($"{http.Request.Path} is not an audited endpoint.");
        return new AuditRecord(Who(http.User), RoleOf(http.User), audited.SystemChain ? null : Clinic(http), null, audited.Action,
            $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Ok, Source(http));
    }

    /// <summary>The grain wrote this request's entry before its change (<see cref="ChangeRecord"/>); the filter adds none.</summary>
    public static void RecordedWithChange(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[RecordedWithChangeKey] = true;
    }

    /// <summary>
    /// A bulk read (a board, an export, a feed, a list) names the patients its answer disclosed; the endpoint's audit
    /// entry lists them (<see cref="AuditRecord.Patients"/>), so "who saw this patient's data" finds the read. One
    /// entry for the whole read rather than one per patient: a board of 200 visits is one act of one user, and one
    /// row keeps the log's size proportional to the reads, not to the reads times the patients.
    /// </summary>
    public static void DisclosePatients(this HttpContext http, IEnumerable<string?> patientIds)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(patientIds);
        if (http.Items[DisclosedKey] is not List<string?> disclosed)
        {
            http.Items[DisclosedKey] = disclosed = [];
        }

        disclosed.AddRange(patientIds);
    }

    /// <summary>What <see cref="DisclosePatients"/> gathered for this request; null when the endpoint named none.</summary>
    private static ValueList<string>? Disclosed(HttpContext http) =>
        Grains.Audit.AuditHash.NormalizePatients(http.Items[DisclosedKey] as List<string?>);

    /// <summary>The API's endpoint filter: records each call of an endpoint marked <see cref="AuditedAction"/> that got through.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var http = invocation.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is not { } audited || http.Items.ContainsKey(RecordedWithChangeKey))
        {
            return result;
        }

        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status is >= 200 and < 300 && AuditSubject.Of(http) is { } subjects)
        {
            foreach (var subject in subjects)
            {
                var record = new AuditRecord(subject.Who, subject.Role, subject.ClinicId, subject.PatientId,
                    audited.Action, $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Ok, Source(http));
                await http.RequestServices.GetRequiredService<IGrainFactory>().ChainOf(record).Append(record);
            }
        }
        else if (status is >= 200 and < 300)
        {
            await RecordAsync(http.RequestServices.GetRequiredService<IGrainFactory>(), http.User, audited.SystemChain ? null : Clinic(http), PatientOf(http, (inner as IValueHttpResult)?.Value),
                audited.Action, $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Ok, Source(http), Disclosed(http));
        }

        return result;
    }

    public static Task RecordAsync(
        IGrainFactory grains, ClaimsPrincipal user, string? clinicId, string? patientId, string action, string resource, string outcome, string source,
        ValueList<string>? patients = null)
    {
        var record = new AuditRecord(Who(user), RoleOf(user), clinicId, string.IsNullOrWhiteSpace(patientId) ? null : patientId, action,
            resource, outcome, source, patients);
        return grains.ChainOf(record).Append(record);
    }

    public static string Source(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The route's clinic, when it names one that could exist (the audit chain is per clinic).</summary>
    public static string? Clinic(HttpContext http) =>
        http.GetRouteValue("clinicId") is string clinicId && clinicId.Length is > 0 and <= 64
            && !clinicId.Contains(GrainKeys.Separator, StringComparison.Ordinal) && clinicId != AuditChains.System
            ? clinicId
            : null;

    public static string Who(ClaimsPrincipal user) =>
        user.UserId() ?? (user.DisplayId() is { } display ? $"display:{display}" : "anonymous");

    private static string RoleOf(ClaimsPrincipal user) =>
        user.StaffRole()?.ToString() ?? (user.DisplayId() is not null ? "Display" : "Anonymous");

    /// <summary>The patient concerned: named by the route, or by the answer (a visit, a record, a waitlist entry).</summary>
    private static string? PatientOf(HttpContext http, object? value) =>
        http.GetRouteValue("patientId") as string ?? value switch
        {
            VisitSnapshot visit => visit.PatientId,
            VisitHistory history => history.Visit.PatientId,
            PatientRecord patient => patient.PatientId,
            WaitlistEntry entry => entry.PatientId,
            Endpoints.ReferralView referral => referral.PatientId,
            Endpoints.ReferralLetter letter => letter.PatientId,
            JsonObject json => json["patientId"]?.GetValue<string>(),
            _ => null,
        };
}
