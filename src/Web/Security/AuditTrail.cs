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
    /// <summary>The API's endpoint filter: records each call of an endpoint marked <see cref="AuditedAction"/> that got through.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var http = invocation.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is not { } audited)
        {
            return result;
        }

        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status is >= 200 and < 300)
        {
            await RecordAsync(http.RequestServices.GetRequiredService<IGrainFactory>(), http.User, audited.SystemChain ? null : Clinic(http), PatientOf(http, (inner as IValueHttpResult)?.Value),
                audited.Action, $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Ok, Source(http));
        }

        return result;
    }

    public static Task RecordAsync(
        IGrainFactory grains, ClaimsPrincipal user, string? clinicId, string? patientId, string action, string resource, string outcome, string source)
    {
        var record = new AuditRecord(Who(user), RoleOf(user), clinicId, string.IsNullOrWhiteSpace(patientId) ? null : patientId, action,
            resource, outcome, source);
        return grains.ChainOf(record).Append(record);
    }

    public static string Source(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The route's clinic, when it names one that could exist (the audit chain is per clinic).</summary>
    public static string? Clinic(HttpContext http) =>
        http.GetRouteValue("clinicId") is string clinicId && clinicId.Length is > 0 and <= 64
            && !clinicId.Contains(GrainKeys.Separator, StringComparison.Ordinal) && clinicId != AuditChains.System
            ? clinicId
            : null;

    private static string Who(ClaimsPrincipal user) =>
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
