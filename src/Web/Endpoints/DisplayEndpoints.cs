using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Lobby wall displays: an administrator pairs one and gets a token that opens that clinic's lobby feed and nothing
/// else; revoking it disconnects the display at once, on whichever node it is connected to.
/// </summary>
internal static class DisplayEndpoints
{
    public static RouteGroupBuilder MapDisplayEndpoints(this RouteGroupBuilder api)
    {
        var displays = api.MapGroup("/clinics/{clinicId}/displays").WithTags("Displays").RequireAuthorization(AccessPolicies.Admin);
        displays.MapGet("/", List).WithSummary("The clinic's paired and revoked displays");
        displays.MapPost("/", Pair).Audited("display.pair").WithSummary("Pair a lobby display; the token is in the answer, once");
        displays.MapDelete("/{displayId}", Revoke).Audited("display.revoke").WithSummary("Revoke a display's token and disconnect it now");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<DisplayDevice>>, ProblemHttpResult>> List(string clinicId, IGrainFactory grains) =>
        await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null
            ? Problems.NotFound($"No clinic '{clinicId}'.")
            : TypedResults.Ok(await grains.GetGrain<IClinicDisplaysGrain>(clinicId).List());

    private static async Task<Results<Created<DisplayPaired>, ValidationProblem, ProblemHttpResult>> Pair(
        string clinicId, DisplayPairBody body, IGrainFactory grains, HttpContext context)
    {
        if (!DisplayPairBody.IsValidName(body.Name))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["name"] = ["A name of 1 to 100 letters, digits, spaces and - _ . , ' ( ) # & is required, e.g. \"Lobby TV\"."],
            });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var (secret, hash) = DisplayToken.NewSecret();
        var display = await grains.GetGrain<IClinicDisplaysGrain>(clinicId).Pair(body.Name!.Trim(), hash, Actor.Of(context));
        var token = DisplayToken.Format(clinicId, display.DisplayId, secret);
        context.Response.Headers.CacheControl = "no-store";
        var pairUrl = $"/lobby/{Uri.EscapeDataString(clinicId)}#display={token}";
        return TypedResults.Created((string?)null, new DisplayPaired(display, token, pairUrl));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string clinicId, string displayId, IGrainFactory grains, HttpContext context) =>
        await grains.GetGrain<IClinicDisplaysGrain>(clinicId).Revoke(displayId, Actor.Of(context))
            ? TypedResults.NoContent()
            : Problems.NotFound($"No display '{displayId}' in clinic '{clinicId}'.");
}
