using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>Insurance, authorizations, progress reports and plan-of-care dates of a patient.</summary>
internal static class CoverageEndpoints
{
    public static RouteGroupBuilder MapCoverageEndpoints(this RouteGroupBuilder api)
    {
        var patient = api.MapGroup("/clinics/{clinicId}/patients/{patientId}").WithTags("Coverage").RequireAuthorization(AccessPolicies.FrontDesk);
        patient.MapPut("/coverage", PutCoverage).Audited("coverage.set").WithSummary("Set the patient's insurance (it becomes unverified)");
        patient.MapPost("/coverage/verification", Verify).Audited("coverage.verify").WithSummary("Record an eligibility and benefits check: verified or failed");
        patient.MapPost("/progress-reports", ProgressReport).Audited("progress-report.add").WithSummary("A progress report was written: the treatment-day count restarts");
        patient.MapGet("/billing-status", BillingStatus).Audited("billing-status.read")
            .WithSummary("This year's Medicare amount against the KX threshold, the progress report and recertification");

        // What the payer authorized and when the plan of care started are the manager's to enter; the desk reads them.
        var managed = api.MapGroup("/clinics/{clinicId}/patients/{patientId}").WithTags("Coverage").RequireAuthorization(AccessPolicies.Manager);
        managed.MapPost("/authorizations", Authorize).Audited("authorization.add")
            .WithSummary("Add (or replace, by id) a payer authorization of visits and/or units (managers)");
        managed.MapPut("/plan-of-care", PlanOfCare).Audited("plan-of-care.set")
            .WithSummary("Set the plan of care's start (recertification is due 90 days on; managers)");
        return api;
    }

    private static Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> PutCoverage(
        string clinicId, string patientId, CoverageRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        return errors.Count > 0
            ? Task.FromResult<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid(errors))
            : ChangeAsync(clinicId, patientId, grains, p => p.SetCoverage(request.ToCoverage()));
    }

    private static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> Verify(
        string clinicId, string patientId, VerificationRequest request, HttpContext context, IGrainFactory grains)
    {
        if (request.Status is not { } status)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["status is required: verified, failed or unverified."] });
        }

        var record = await grains.GetGrain<IPatientGrain>(patientId).Get();
        if (record?.Details.ClinicId == clinicId && record.Coverage is null)
        {
            return Problems.From(Refusal.Conflict("The patient has no insurance on file to verify."));
        }

        return await ChangeAsync(clinicId, patientId, grains, p => p.VerifyCoverage(status, Actor.Of(context)));
    }

    private static async Task<Results<Ok<PatientBillingStatus>, ProblemHttpResult>> BillingStatus(
        string clinicId, string patientId, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        return await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is { } config
            && await patient.Get() is { } record && record.Details.ClinicId == clinicId
            ? TypedResults.Ok((await patient.GetBillingStatus(config.LocalDate(time.GetUtcNow())))!)
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
    }

    private static Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> Authorize(
        string clinicId, string patientId, AuthorizationRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        return errors.Count > 0
            ? Task.FromResult<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid(errors))
            : ChangeAsync(clinicId, patientId, grains, p => p.AddAuthorization(request.ToAuthorization()));
    }

    private static Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> ProgressReport(
        string clinicId, string patientId, IGrainFactory grains) =>
        ChangeAsync(clinicId, patientId, grains, p => p.RecordProgressReport());

    private static Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> PlanOfCare(
        string clinicId, string patientId, PlanOfCareStartBody request, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        request.Start is not { } start
            ? Task.FromResult<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid(new Dictionary<string, string[]> { ["start"] = ["start (yyyy-MM-dd) is required."] }))
            : !DateWindow.Contains(start, time.GetUtcNow())
                ? Task.FromResult<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>>(
                    Problems.Invalid(new Dictionary<string, string[]> { ["start"] = [DateWindow.Message("start")] }))
                : ChangeAsync(clinicId, patientId, grains, p => p.SetPlanOfCareStart(start));

    private static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string clinicId, string patientId, IGrainFactory grains, Func<IPatientGrain, Task<PatientRecord?>> change)
    {
        var grain = grains.GetGrain<IPatientGrain>(patientId);
        if (await grain.Get() is not { } record || record.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        return TypedResults.Ok((await change(grain))!);
    }
}
