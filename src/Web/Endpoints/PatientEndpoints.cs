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
}
