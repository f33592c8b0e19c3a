using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Silo.Messaging;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The public page behind a waitlist offer's link: no sign-in, the signed token is the only credential. Rate limited
/// per address; a valid call is audited under the offered patient as "patient via offer link". A token that is
/// altered, made for another clinic or offer, expired, or already used changes nothing and says so in words.
/// </summary>
internal static class OfferLinkEndpoints
{
    private const string NotValid = "This link is not valid. Check that the whole link from your message was opened, or call the clinic.";

    public static RouteGroupBuilder MapOfferLinkEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/offer-links").WithTags("Patient links").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.PatientLinks);
        links.MapPost("/read", Read).Audited("offer-link.read", moment: AuditMoment.AfterAnswer)
            .WithSummary("The time a waitlist offer is for: clinic, date, time, therapist (clinic time), and whether it is still free");
        links.MapPost("/accept", Accept).Audited("offer-link.accept", moment: AuditMoment.ByEndpoint)
            .WithSummary("The patient accepts the offered time: the first acceptance is booked; every later one is told it was taken");
        return api;
    }

    private sealed record Resolved(OfferLink Link, ClinicConfig Config, OfferAnswer Standing, IWaitlistOfferGrain Grain);

    private static async Task<Results<Ok<OfferLinkView>, ProblemHttpResult>> Read(
        OfferLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        return resolved is null ? problem! : TypedResults.Ok(View(resolved.Config, resolved.Standing));
    }

    private static async Task<Results<Ok<OfferLinkView>, ProblemHttpResult>> Accept(
        OfferLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        if (resolved is null)
        {
            return problem!;
        }

        await context.BeforeChangeAsync(new AuditSubject(OfferLinks.Actor, "Patient", resolved.Link.ClinicId, resolved.Standing.PatientId!));
        var answer = await resolved.Grain.Accept(resolved.Link);
        return answer.Outcome switch
        {
            OfferOutcome.Yours when answer.Visit is not null => TypedResults.Ok(View(resolved.Config, answer)),
            OfferOutcome.NotValid => Problems.NotFound(NotValid),
            _ => TypedResults.Problem(answer.Message, statusCode: StatusCodes.Status409Conflict, title: Title(answer.Outcome),
                extensions: new Dictionary<string, object?> { ["state"] = State(answer.Outcome) }),
        };
    }

    /// <summary>The link and how it stands, or the problem to answer; a link that checks marks the call as its patient's for the audit.</summary>
    private static async Task<(Resolved? Resolved, ProblemHttpResult? Problem)> ResolveAsync(
        OfferLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.Token) || await signer.ReadOfferAsync(body.Token.Trim()) is not { } link
            || await grains.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return (null, Problems.NotFound(NotValid));
        }

        var grain = grains.GetGrain<IWaitlistOfferGrain>(GrainKeys.Offer(link.ClinicId, link.OpeningId));
        var standing = await grain.Read(link);
        if (standing.Outcome == OfferOutcome.NotValid || standing.PatientId is null)
        {
            return (null, Problems.NotFound(NotValid));
        }

        AuditSubject.Add(context, new AuditSubject(OfferLinks.Actor, "Patient", link.ClinicId, standing.PatientId));
        if (time.GetUtcNow() >= link.ExpiresAt && standing.Outcome != OfferOutcome.Yours)
        {
            return (null, TypedResults.Problem("This offer has expired: offers end shortly before the appointment would begin. You stay on the waitlist.",
                statusCode: StatusCodes.Status410Gone, title: "Link expired"));
        }

        return (new Resolved(link, config, standing, grain), null);
    }

    private static OfferLinkView View(ClinicConfig config, OfferAnswer answer)
    {
        var opening = answer.Opening!;
        var local = TimeZoneInfo.ConvertTime(opening.Start, config.TimeZone);
        return new OfferLinkView(config.Name, ReminderPlanner.DateText(local), ReminderPlanner.TimeText(local),
            config.FindTherapist(opening.TherapistId)?.DisplayName ?? "your therapist", State(answer.Outcome), answer.Message);
    }

    private static string State(OfferOutcome outcome) => outcome switch
    {
        OfferOutcome.Open => "open",
        OfferOutcome.Yours => "yours",
        OfferOutcome.Taken => "taken",
        OfferOutcome.Failed => "failed",
        _ => "closed",
    };

    private static string Title(OfferOutcome outcome) => outcome switch
    {
        OfferOutcome.Taken => "Slot taken",
        OfferOutcome.Failed => "Booking refused",
        OfferOutcome.Yours => "Link already used",
        _ => "Offer closed",
    };
}
