using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

internal static class BillingEndpoints
{
    public static RouteGroupBuilder MapBillingEndpoints(this RouteGroupBuilder api)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing").RequireAuthorization(AccessPolicies.Staff);
        billing.MapPost("/units", ComputeUnits)
            .WithSummary("Billable units for one patient's day of services, by the payer's method (cms or per_code); with clinicId its own codes count too");
        return api;
    }

    /// <summary>A clinic's own codes only for someone who works there (an administrator anywhere), as its code list is.</summary>
    private static async Task<Results<Ok<UnitsResult>, ValidationProblem>> ComputeUnits(BillingUnitsRequest request, HttpContext context, IGrainFactory grains)
    {
        IReadOnlyList<BillingCode> clinicCodes = [];
        if (!string.IsNullOrWhiteSpace(request.ClinicId))
        {
            var clinicId = request.ClinicId.Trim();
            var worksThere = context.User.StaffRole() == StaffRole.Admin || context.User.ClinicIds().Contains(clinicId);
            if (!worksThere || clinicId.Length > 100 || await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["clinicId"] = [$"clinicId must be a clinic you work at."] });
            }

            clinicCodes = await grains.GetGrain<IClinicBillingCodesGrain>(clinicId).List();
        }

        var errors = request.Validate(clinicCodes);
        return errors.Count > 0
            ? Problems.Invalid(errors)
            : TypedResults.Ok(BillingUnits.Compute(request.Method!.Value, request.ToServices(clinicCodes)));
    }
}
