using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>Plans of care: booking a series, its progress, and the clinic's under-scheduled patients.</summary>
internal static class PlanOfCareEndpoints
{
    public static RouteGroupBuilder MapPlanOfCareEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/clinics/{clinicId}").WithTags("Plans of care").RequireAuthorization(AccessPolicies.FrontDesk);
        plans.MapPost("/patients/{patientId}/plans-of-care", Create).Audited("plan-of-care.book")
            .WithSummary("Book a plan of care's series; answers with the visits booked and the sessions that found no time");
        plans.MapGet("/patients/{patientId}/plans-of-care", Progress).Audited("plan-of-care.read").WithSummary("Attended, booked-ahead and missing visits of each plan");
        plans.MapGet("/under-scheduled", UnderScheduled).Audited("plan-of-care.under-scheduled").WithSummary("Patients whose bookings fall short of their plan of care");
        return api;
    }

    private static async Task<Results<Created<PlanOfCare>, ValidationProblem, ProblemHttpResult>> Create(
        string clinicId, string patientId, PlanOfCareBody body, HttpContext context, IGrainFactory grains,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var errors = body.Validate(config, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var patient = grains.GetGrain<IPatientGrain>(patientId);
        if (await patient.Get() is not { } record || record.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        var plan = await patient.CreatePlanOfCare(body.ToRequest(Actor.Of(context)));
        return TypedResults.Created($"/api/clinics/{clinicId}/patients/{patientId}/plans-of-care", plan!);
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanProgress>>, ProblemHttpResult>> Progress(string clinicId, string patientId, IGrainFactory grains)
    {
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        return await patient.Get() is { } record && record.Details.ClinicId == clinicId
            ? TypedResults.Ok(await patient.GetPlanProgress())
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
    }

    private static async Task<Results<Ok<PlanProgress[]>, ProblemHttpResult>> UnderScheduled(string clinicId, IGrainFactory grains, HttpContext http)
    {
        var clinic = grains.GetGrain<IClinicGrain>(clinicId);
        if (await clinic.GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var progress = await Task.WhenAll((await clinic.GetPlanPatients()).Select(id => grains.GetGrain<IPatientGrain>(id).GetPlanProgress()));
        var shortfalls = progress.SelectMany(p => p).Where(p => p.Shortfall > 0)
            .OrderByDescending(p => p.Shortfall).ThenBy(p => p.PatientName, StringComparer.Ordinal).ToArray();
        http.DisclosePatients(shortfalls.Select(p => p.PatientId));
        return TypedResults.Ok(shortfalls);
    }
}
