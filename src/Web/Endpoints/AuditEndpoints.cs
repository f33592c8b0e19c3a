using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Audit;
using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Reading the audit log (45 CFR 164.312(b)): a clinic's entries as JSON or CSV, and the verification of every chain.
/// The clinic id <c>_system</c> (<see cref="AuditChains.System"/>) reads the chain of system-wide actions.
/// </summary>
internal static class AuditEndpoints
{
    private const string CsvHeader = "chain,sequence,at,user_id,role,clinic_id,patient_id,action,resource,outcome,source,previous_hash,hash,patients\n";

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/audit", List).WithTags("Audit").RequireAuthorization(AccessPolicies.Manager).Audited("audit.read", systemChain: true)
            .WithSummary("A clinic's audit entries, newest first; filters patientId (named by the entry, or among the patients a bulk read disclosed), userId, from (inclusive), to (exclusive), limit (default 200, at most 5000)");
        api.MapGet("/clinics/{clinicId}/audit.csv", Export).WithTags("Audit").RequireAuthorization(AccessPolicies.Manager).Audited("audit.export", systemChain: true)
            .WithSummary("The same audit entries as a CSV download");
        api.MapGet("/audit/verify", Verify).WithTags("Audit").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Recomputes every audit chain: chains and entries checked, and the first break of each broken chain");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> List(
        string clinicId, [AsParameters] AuditFilter filter, IAuditStore store, CancellationToken cancellationToken)
    {
        if (Errors(clinicId, filter) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var query = ToQuery(clinicId, filter);

        return TypedResults.Ok(await store.QueryAsync(query, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        string clinicId, [AsParameters] AuditFilter filter, IAuditStore store, CancellationToken cancellationToken)
    {
        if (Errors(clinicId, filter) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var query = ToQuery(clinicId, filter);

        var csv = new StringBuilder(CsvHeader);
        foreach (var e in await store.QueryAsync(query, cancellationToken))
        {
            csv.AppendJoin(',',
                Cell(e.Chain), e.Sequence.ToString(CultureInfo.InvariantCulture), Cell(e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                Cell(e.UserId), Cell(e.Role), Cell(e.ClinicId), Cell(e.PatientId), Cell(e.Action), Cell(e.Resource),
                Cell(e.Outcome), Cell(e.Source), Cell(e.PreviousHash), Cell(e.Hash),
                Cell(e.Patients is { } patients ? string.Join(' ', patients) : null)).Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"audit-{clinicId}.csv");
    }

    private static async Task<Ok<AuditVerification>> Verify(IAuditStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(store, cancellationToken));

    /// <summary>The store's query for a filter that <see cref="Errors"/> found valid.</summary>
    private static AuditQuery ToQuery(string clinicId, AuditFilter filter) => new(
        AuditChains.For(clinicId),
        PatientId: NullIfEmpty(filter.PatientId),
        UserId: NullIfEmpty(filter.UserId),
        From: ParseTime(filter.From),
        To: ParseTime(filter.To),
        Limit: filter.Limit is { Length: > 0 } limit ? int.Parse(limit, NumberStyles.None, CultureInfo.InvariantCulture) : AuditQuery.DefaultLimit);

    private static Dictionary<string, string[]> Errors(string clinicId, AuditFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        if (clinicId != AuditChains.System && !ClinicConfigValidator.IsValidId(clinicId))
        {
            errors["clinicId"] = [$"'{clinicId}' is neither a clinic id nor '{AuditChains.System}'."];
        }

        if (filter.From is { Length: > 0 } && ParseTime(filter.From) is null)
        {
            errors["from"] = [$"'{filter.From}' is not an ISO 8601 date-time (e.g. 2026-03-01T09:00:00Z) or date."];
        }

        if (filter.To is { Length: > 0 } && ParseTime(filter.To) is null)
        {
            errors["to"] = [$"'{filter.To}' is not an ISO 8601 date-time (e.g. 2026-03-01T17:00:00Z) or date."];
        }

        if (ParseTime(filter.From) is { } from && ParseTime(filter.To) is { } to && from >= to)
        {
            errors["to"] = ["to must be later than from (from is inclusive, to exclusive)."];
        }

        if (filter.Limit is { Length: > 0 } limit
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > AuditQuery.MaxLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {AuditQuery.MaxLimit}."];
        }

        return errors;
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        value is { Length: > 0 }
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? time
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// Every cell quoted (quotes doubled), so commas, quotes and line breaks in a request path stay inside their cell;
    /// text a spreadsheet would run as a formula gets a leading apostrophe. Empty for null.
    /// </summary>
    private static string Cell(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
