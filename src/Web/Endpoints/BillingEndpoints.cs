using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Billing;

namespace PtHub.Web.Endpoints;

internal static class BillingEndpoints
{
    public static RouteGroupBuilder MapBillingEndpoints(this RouteGroupBuilder api)
    {
        var billing = api.MapGroup("/billing").WithTags("Billing").RequireAuthorization(AccessPolicies.Staff);
        billing.MapPost("/units", ComputeUnits)
            .WithSummary("Billable units for one patient's day of services, by the payer's method (cms or per_code)");
        return api;
    }

    private static Results<Ok<UnitsResult>, ValidationProblem> ComputeUnits(BillingUnitsRequest request)
    {
        var errors = request.Validate();
        return errors.Count > 0
            ? Problems.Invalid(errors)
            : TypedResults.Ok(BillingUnits.Compute(request.Method!.Value, request.ToServices()));
    }
}
