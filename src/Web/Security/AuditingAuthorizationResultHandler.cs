using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace PtHub.Web.Security;

/// <summary>
/// Refused attempts of signed-in staff at patient information are audited too ("denied"), then answered as usual.
/// Anonymous requests are only challenged (401): recording them would let anyone on the network fill the log.
/// </summary>
internal sealed class AuditingAuthorizationResultHandler(IGrainFactory grains) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            await AuditTrail.RecordAsync(grains, context.User, audited.SystemChain ? null : AuditTrail.Clinic(context), context.GetRouteValue("patientId") as string,
                audited.Action, $"{context.Request.Method} {context.Request.Path}", Grains.Contracts.AuditOutcomes.Denied, AuditTrail.Source(context));
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
