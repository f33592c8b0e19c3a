using PtHub.Web.Security;
using PtHub.Grains;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/clinics/{clinicId}/patients").WithTags("Patients").RequireAuthorization(AccessPolicies.FrontDesk);
        patients.MapPost("/", RegisterPatient).Audited("patient.register").WithSummary("Register a patient with the clinic");
        patients.MapGet("/{patientId}", GetPatient).Audited("patient.read").WithSummary("A patient's demographics");
        patients.MapPut("/{patientId}", UpdatePatient).Audited("patient.update").WithSummary("Change a patient's name, birth date and contact details");
        patients.MapGet("/{patientId}/visits", GetVisits).Audited("patient.visits").WithSummary("A patient's upcoming and past visits, with cancellation and no-show counts");
        return api;
    }

    private static async Task<Results<Created<PatientRecord>, ValidationProblem, ProblemHttpResult>> RegisterPatient(
        string clinicId, PatientRequest request, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
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

        var details = new PatientDetails(clinicId, request.FirstName!.Trim(), request.LastName!.Trim(), request.BirthDate!.Value,
            request.Phone?.Trim(), request.Email?.Trim());
        var patientId = Guid.NewGuid().ToString("N");
        var record = await grains.GetGrain<IPatientGrain>(patientId).Register(details);
        return TypedResults.Created($"/api/clinics/{clinicId}/patients/{patientId}", record);
    }

    private static async Task<Results<Ok<PatientRecord>, ProblemHttpResult>> GetPatient(string clinicId, string patientId, IGrainFactory grains) =>
        await grains.GetGrain<IPatientGrain>(patientId).Get() is { } record && record.Details.ClinicId == clinicId
            ? TypedResults.Ok(record)
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");

    private static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> UpdatePatient(
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

        var details = new PatientDetails(clinicId, request.FirstName!.Trim(), request.LastName!.Trim(), request.BirthDate!.Value,
            Blank(request.Phone), Blank(request.Email));
        return TypedResults.Ok((await patient.UpdateDetails(details))!);
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

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
