using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Waitlist;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>The desk offers a board opening to the waitlist in waves, watches the answers, and can stop the offers.</summary>
internal static class OfferEndpoints
{
    public static RouteGroupBuilder MapOfferEndpoints(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/clinics/{clinicId}/openings/{openingId}/offers").WithTags("Waitlist").RequireAuthorization(AccessPolicies.FrontDesk);
        offers.MapGet("/", Get).Audited("offer.read").WithSummary("An opening's waitlist offers: the waves, who was offered, their answers");
        offers.MapPost("/", Start).Audited("offer.start")
            .WithSummary("Offer the opening to the best-matching waiting patients in waves (the clinic's offer settings); the first to accept is booked");
        offers.MapPost("/stop", Stop).Audited("offer.stop").WithSummary("Stop the opening's offers; messages not yet sent are withdrawn");
        return api;
    }

    private static IWaitlistOfferGrain Grain(IGrainFactory grains, string clinicId, string openingId) =>
        grains.GetGrain<IWaitlistOfferGrain>(GrainKeys.Offer(clinicId, openingId));

    private static async Task<Results<Ok<OfferView>, ProblemHttpResult>> Get(string clinicId, string openingId, IGrainFactory grains, HttpContext http)
    {
        if (await Grain(grains, clinicId, openingId).Get() is not { } offer || offer.ClinicId != clinicId)
        {
            return Problems.NotFound($"Opening '{openingId}' was not offered to the waitlist.");
        }

        http.DisclosePatients(offer.Recipients.Select(r => r.PatientId));
        return TypedResults.Ok(offer);
    }

    private static async Task<Results<Ok<OfferView>, ValidationProblem, ProblemHttpResult>> Start(
        string clinicId, string openingId, OfferStartBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.Date is not { } date)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["date"] = ["date is required: the clinic day the opening is on."] });
        }

        var (day, invalid, missing) = await new ClinicDayQuery(clinicId, date, grains, time).ResolveAsync();
        if (day is null)
        {
            return invalid is not null ? invalid : missing!;
        }

        var settings = (await grains.GetGrain<IClinicMessagingGrain>(clinicId).GetSettings()).EffectiveOffers;
        if (!settings.Enabled)
        {
            return Problems.From(Refusal.Conflict("Waitlist offers are off for this clinic; a manager turns them on in the messaging settings."));
        }

        if ((await day.Live.GetBoard()).Openings?.FirstOrDefault(o => o.Opening.OpeningId == openingId) is not { } opening)
        {
            return Problems.NotFound($"No opening '{openingId}' still free on {date:yyyy-MM-dd}.");
        }

        if (opening.Offer is not { State: OfferState.Offering or OfferState.Accepted } && time.GetUtcNow() >= OfferWaves.StopAt(opening.Opening, settings))
        {
            return Problems.From(Refusal.Conflict(
                $"Too close to its start: offers stop {settings.StopBefore.TotalMinutes:0} minutes before a slot begins (messaging settings)."));
        }

        return TypedResults.Ok(await Grain(grains, clinicId, openingId).Start(new OfferStart(clinicId, date, opening.Opening, Actor.Of(context))));
    }

    private static async Task<Results<Ok<OfferView>, ProblemHttpResult>> Stop(string clinicId, string openingId, HttpContext context, IGrainFactory grains) =>
        await Grain(grains, clinicId, openingId).Stop(Actor.Of(context)) is { } offer
            ? TypedResults.Ok(offer)
            : Problems.NotFound($"Opening '{openingId}' was not offered to the waitlist.");
}
