using System.Collections.Concurrent;
using System.Reflection;
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

    private static readonly object WrittenBeforeKey = new();

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> PatientIdProperties = new();

    /// <summary>
    /// The audit entry of this request's change, for a grain that writes it before the change takes effect (audit
    /// before effect, e.g. <see cref="VisitCommand.Audit"/>); its patient is left for the grain to fill in. Call
    /// <see cref="RecordedWithChange"/> once the grain says it wrote it, so the filter does not write it again.
    /// </summary>
    public static AuditRecord ChangeRecord(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Record(http, Audited(http), patientId: null);
    }

    /// <summary>The grain wrote this request's entry before its change (<see cref="ChangeRecord"/>); the filter adds none.</summary>
    public static void RecordedWithChange(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        WrittenBefore(http);
    }

    /// <summary>
    /// Writes this request's entry before its change (an endpoint marked <see cref="AuditMoment.ByEndpoint"/>, once it
    /// knows the patient). Throws when the log cannot take it, so the change is never made unaudited; if the endpoint
    /// then answers with an error, the filter adds a <see cref="AuditOutcomes.Failed"/> entry after it.
    /// </summary>
    public static Task BeforeChangeAsync(this HttpContext http, string? patientId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return WriteBeforeAsync(http, Record(http, Audited(http), patientId));
    }

    /// <summary>As <see cref="BeforeChangeAsync(HttpContext, string?)"/>, for a change made on a patient's behalf with nobody signed in.</summary>
    public static Task BeforeChangeAsync(this HttpContext http, AuditSubject subject)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(subject);
        return WriteBeforeAsync(http, Record(http, Audited(http), subject));
    }

    private static async Task WriteBeforeAsync(HttpContext http, AuditRecord record)
    {
        await AppendAllAsync(http, [record]);
        WrittenBefore(http).Add(record);
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

    /// <summary>
    /// The API's endpoint filter: records each call of an endpoint marked <see cref="AuditedAction"/> that got through.
    /// A change is recorded before the handler runs (or by the handler, <see cref="AuditMoment.ByEndpoint"/>), and a
    /// change that then answers with an error gets a <see cref="AuditOutcomes.Failed"/> entry after its own: the log
    /// may hold an attempt that did not happen, never a change it does not hold. A read is recorded once its answer
    /// is known, naming the patients it disclosed.
    /// </summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is not { } audited)
        {
            return await next(invocation);
        }

        if (audited.Moment == AuditMoment.ByMethod && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await WriteBeforeAsync(http, Record(http, audited, PatientBefore(http, invocation.Arguments)));
        }

        object? result;
        try
        {
            result = await next(invocation);
        }
        catch
        {
            await NotAppliedAsync(http);
            throw;
        }

        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var succeeded = ((inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK) is >= 200 and < 300;
        if (http.Items[WrittenBeforeKey] is List<AuditRecord> written)
        {
            if (!succeeded)
            {
                await NotAppliedAsync(http);
            }
            else if (written.Count > 0 && PatientOf(http, (inner as IValueHttpResult)?.Value) is { } answered
                && written.TrueForAll(r => r.PatientId != answered))
            {
                // Only the answer named the patient (an endpoint that should say it first): name them after the fact
                // rather than leave "who changed this patient" without the change.
                await AppendAllAsync(http, [Record(http, audited, answered)]);
            }

            return result;
        }

        if (!succeeded)
        {
            return result;
        }

        if (AuditSubject.Of(http) is { } subjects)
        {
            await AppendAllAsync(http, [.. subjects.Select(s => Record(http, audited, s))]);
        }
        else
        {
            await RecordAsync(http.RequestServices.GetRequiredService<IGrainFactory>(), http.User, audited.SystemChain ? null : Clinic(http),
                PatientOf(http, (inner as IValueHttpResult)?.Value), audited.Action, Resource(http), AuditOutcomes.Ok, Source(http), Disclosed(http));
        }

        return result;
    }

    /// <summary>The entries written before this request's change, each followed by one saying it did not happen.</summary>
    private static async Task NotAppliedAsync(HttpContext http)
    {
        if (http.Items[WrittenBeforeKey] is List<AuditRecord> { Count: > 0 } written)
        {
            await AppendAllAsync(http, [.. written.Select(r => r with { Outcome = AuditOutcomes.Failed })]);
        }
    }

    private static List<AuditRecord> WrittenBefore(HttpContext http)
    {
        if (http.Items[WrittenBeforeKey] is not List<AuditRecord> written)
        {
            http.Items[WrittenBeforeKey] = written = [];
        }

        return written;
    }

    private static async Task AppendAllAsync(HttpContext http, IReadOnlyList<AuditRecord> records)
    {
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        foreach (var record in records)
        {
            await grains.ChainOf(record).Append(record);
        }
    }

    private static AuditedAction Audited(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>()
            ?? throw new InvalidOperationException($"{http.Request.Path} is not an audited endpoint.");

    private static AuditRecord Record(HttpContext http, AuditedAction audited, string? patientId) =>
        new(Who(http.User), RoleOf(http.User), audited.SystemChain ? null : Clinic(http), string.IsNullOrWhiteSpace(patientId) ? null : patientId,
            audited.Action, Resource(http), AuditOutcomes.Ok, Source(http));

    /// <summary>The entry of a call made on a patient's behalf with nobody signed in (their link, their STOP reply).</summary>
    private static AuditRecord Record(HttpContext http, AuditedAction audited, AuditSubject subject) =>
        new(subject.Who, subject.Role, subject.ClinicId, subject.PatientId, audited.Action, Resource(http), AuditOutcomes.Ok, Source(http));

    private static string Resource(HttpContext http) => $"{http.Request.Method} {http.Request.Path}";

    /// <summary>The patient a change concerns before it is made: named by the route, or by the body (a booking, a waitlist entry).</summary>
    private static string? PatientBefore(HttpContext http, IList<object?> arguments)
    {
        if (http.GetRouteValue("patientId") is string routed)
        {
            return routed;
        }

        foreach (var argument in arguments)
        {
            if (argument is null)
            {
                continue;
            }

            var property = PatientIdProperties.GetOrAdd(argument.GetType(), type =>
                type.GetProperty("PatientId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } p && t == typeof(string) ? p : null);
            if (property?.GetValue(argument) is string named && !string.IsNullOrWhiteSpace(named))
            {
                return named;
            }
        }

        return null;
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
