using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>A clinic's procedure codes: the built-in catalogue and its own; any member of staff reads them, managers add and remove.</summary>
internal static class BillingCodeEndpoints
{
    public static RouteGroupBuilder MapBillingCodeEndpoints(this RouteGroupBuilder api)
    {
        var codes = api.MapGroup("/clinics/{clinicId}/billing-codes").WithTags("Billing");
        codes.MapGet("/", List).RequireAuthorization(AccessPolicies.Staff).WithSummary("The built-in codes and the clinic's own, in code order");
        codes.MapPost("/", Add).RequireAuthorization(AccessPolicies.Manager).Audited("billing-codes.add").WithSummary("Add a code of the clinic's own");
        codes.MapDelete("/{code}", Remove).RequireAuthorization(AccessPolicies.Manager).Audited("billing-codes.remove")
            .WithSummary("Remove a code of the clinic's own (visits already recorded keep it)");
        return api;
    }

    private static async Task<IReadOnlyList<BillingCode>> List(string clinicId, IGrainFactory grains) =>
        [.. ProcedureCatalog.AsBillingCodes().Concat(await grains.GetGrain<IClinicBillingCodesGrain>(clinicId).List()).OrderBy(c => c.Code, StringComparer.Ordinal)];

    private static async Task<Results<Created<BillingCode>, ValidationProblem, ProblemHttpResult>> Add(string clinicId, BillingCodeBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var code = body.ToCode();
        return await grains.GetGrain<IClinicBillingCodesGrain>(clinicId).Add(code) is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Created($"/api/clinics/{clinicId}/billing-codes/{code.Code}", code);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string clinicId, string code, IGrainFactory grains) =>
        await grains.GetGrain<IClinicBillingCodesGrain>(clinicId).Remove(code) is { } refusal ? Problems.From(refusal) : TypedResults.NoContent();
}
