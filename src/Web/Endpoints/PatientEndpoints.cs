using PtHub.Web.Security;
using PtHub.Grains;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this RouteGroupBuilder api)
    {
        var all = api.MapGroup("/clinics/{clinicId}/patients").WithTags("Patients");
        var patients = all.MapGroup("").RequireAuthorization(AccessPolicies.FrontDesk);
        patients.MapGet("/", Search).Audited("patient.search")
            .WithSummary("Find the clinic's patients by part of a name, a birth date or a phone number's last digits");
        patients.MapPost("/", RegisterPatient).Audited("patient.register", moment: AuditMoment.ByEndpoint)
            .WithSummary("Register a patient with the clinic (409 with the look-alike patients unless confirmedNew)");
        patients.MapGet("/{patientId}", GetPatient).Audited("patient.read")
            .WithSummary("A patient's demographics (308 to the kept record when this one was merged into it)");
        patients.MapPut("/{patientId}", ChangePatient).Audited("patient.update").WithSummary("Change a patient's name, birth date and contact details");
        patients.MapGet("/{patientId}/visits", GetVisits).Audited("patient.visits").WithSummary("A patient's upcoming and past visits, with cancellation and no-show counts");
        // Managers only, so outside the desk's group: an endpoint names exactly one policy.
        all.MapPost("/{patientId}/merge", Merge).RequireAuthorization(AccessPolicies.Manager).Audited("patient.merge")
            .WithSummary("Merge a duplicate record into this patient: its visits move here, it becomes a pointer here");
        return api;
    }

    private static async Task<Results<Ok<PatientSearchResult>, ProblemHttpResult>> Search(string clinicId, string? q, IGrainFactory grains, HttpContext http)
    {
        var (search, error) = PatientSearch.Parse(clinicId, q);
        if (search is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The search text is not usable.");
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var matches = await grains.GetGrain<IPatientDirectoryGrain>(clinicId).Search(search);
        http.DisclosePatients(matches.Select(m => m.PatientId));
        return TypedResults.Ok(new PatientSearchResult(search.Kind, matches));
    }

    private static async Task<Results<Created<PatientRecord>, ValidationProblem, ProblemHttpResult>> RegisterPatient(
        string clinicId, PatientRequest request, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var errors = request.Validate(config.LocalDate(time.GetUtcNow()));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var details = Details(clinicId, request);
        if (request.ConfirmedNew != true && await grains.GetGrain<IPatientDirectoryGrain>(clinicId).FindDuplicates(details) is { Count: > 0 } matches)
        {
            // Two desks registering the same person at the same instant can both pass this check; merge repairs that.
            return TypedResults.Problem("This looks like a patient the clinic already knows (same name and birth date, or same phone). "
                + "Open the known record, or send confirmedNew: true to register a different person.",
                statusCode: StatusCodes.Status409Conflict, title: "Possible duplicate patient",
                extensions: new Dictionary<string, object?> { ["matches"] = matches });
        }

        var patientId = Guid.NewGuid().ToString("N");
        await context.BeforeChangeAsync(patientId);
        var record = await grains.GetGrain<IPatientGrain>(patientId).Register(details);
        return TypedResults.Created($"/api/clinics/{clinicId}/patients/{patientId}", record);
    }

    /// <summary>
    /// A merged-away record answers 308 to the kept one: a client that follows redirects (fetch does) gets the kept
    /// patient, and the audit records the read of the id that was asked for.
    /// </summary>
    private static async Task<Results<Ok<PatientRecord>, RedirectHttpResult, ProblemHttpResult>> GetPatient(string clinicId, string patientId, IGrainFactory grains) =>
        await grains.GetGrain<IPatientGrain>(patientId).Get() is { } record && record.Details.ClinicId == clinicId
            ? record.MergedInto is { } keepId
                ? TypedResults.Redirect(PatientUrl(clinicId, keepId), permanent: true, preserveMethod: true)
                : TypedResults.Ok(record)
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");

    private static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> ChangePatient(
        string clinicId, string patientId, PatientRequest request, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config
            || await patient.Get() is not { } record || record.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        var errors = request.Validate(config.LocalDate(time.GetUtcNow()));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await patient.ChangeDetails(Details(clinicId, request)) is { } changed
            ? TypedResults.Ok(changed)
            : Problems.From(Refusal.Conflict($"Patient '{patientId}' was merged into '{record.MergedInto}'; change that record."));
    }

    private static async Task<Results<Ok<PatientVisits>, ProblemHttpResult>> GetVisits(string clinicId, string patientId, IGrainFactory grains)
    {
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config
            || await patient.Get() is not { } record || record.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        var visits = await patient.GetVisits();
        return TypedResults.Ok(new PatientVisits(config.TimeZoneId,
            [.. visits.Where(v => !v.IsClosed).Select(v => PatientVisit.Of(v, config))],
            [.. visits.Where(v => v.IsClosed).Reverse().Select(v => PatientVisit.Of(v, config))],
            record.Cancellations, record.NoShows));
    }

    private static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> Merge(
        string clinicId, string patientId, PatientMergeBody body, HttpContext http, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.DuplicateId))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["duplicateId"] = ["The id of the duplicate record to merge is required."] });
        }

        if (body.DuplicateId == patientId)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["duplicateId"] = ["A patient cannot be merged into itself."] });
        }

        var keep = grains.GetGrain<IPatientGrain>(patientId);
        if (await keep.Get() is not { } kept || kept.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        if (await keep.MergeFrom(body.DuplicateId) is { } refusal)
        {
            return refusal.Kind == RefusalKind.Invalid
                ? Problems.Invalid(new Dictionary<string, string[]> { ["duplicateId"] = [refusal.Message] })
                : Problems.From(refusal);
        }

        // The route's patient (the kept one) is recorded by the endpoint filter; the record merged away gets its own entry.
        await AuditTrail.RecordAsync(grains, http.User, clinicId, body.DuplicateId, "patient.merge",
            $"{http.Request.Method} {http.Request.Path}", AuditOutcomes.Ok, AuditTrail.Source(http));
        return TypedResults.Ok((await keep.Get())!);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static PatientDetails Details(string clinicId, PatientRequest request) =>
        new(clinicId, request.FirstName!.Trim(), request.LastName!.Trim(), request.BirthDate!.Value, request.Phone?.Trim(), request.Email?.Trim());

    private static string PatientUrl(string clinicId, string patientId) =>
        $"/api/clinics/{Uri.EscapeDataString(clinicId)}/patients/{Uri.EscapeDataString(patientId)}";
}
