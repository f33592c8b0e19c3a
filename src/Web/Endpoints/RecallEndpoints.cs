using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Silo.Messaging;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Recalls of patients who dropped off their plan of care: the manager sends one from the worklist
/// (<see cref="IClinicRecallGrain"/>, at most one per patient per period); the patient books their next visit on the public
/// page behind its link (no sign-in; the signed token is the credential, rate limited per address, audited under the
/// patient as "patient via recall link"). A token altered, made for another clinic, expired or used books nothing.
/// </summary>
internal static class RecallEndpoints
{
    private const string NotValid = "This link is not valid. Check that the whole link from your message was opened, or call the clinic.";

    public static RouteGroupBuilder MapRecallEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/clinics/{clinicId}/recalls/{patientId}", Send).WithTags("Messaging").RequireAuthorization(AccessPolicies.Manager).Audited("recall.send")
            .WithSummary("Recall a patient who dropped off their plan of care: a message with a booking link, at most one per patient per the clinic's recall period");
        api.MapGet("/clinics/{clinicId}/recalls", List).WithTags("Messaging").RequireAuthorization(AccessPolicies.Manager).Audited("recall.read")
            .WithSummary("Each patient's latest recall: when, by whom, and its message's status");

        var links = api.MapGroup("/recall-links").WithTags("Patient links").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.PatientLinks);
        links.MapPost("/read", Read).Audited("recall-link.read", moment: AuditMoment.AfterAnswer)
            .WithSummary("What a recall's booking link is for: clinic and therapist, and whether it has booked");
        links.MapPost("/slots", Slots).Audited("recall-link.slots", moment: AuditMoment.AfterAnswer)
            .WithSummary($"Free starts with the link's therapist for the visit's length over the next {PatientLinkSlots.Days} days");
        links.MapPost("/book", Book).Audited("recall-link.book", moment: AuditMoment.ByEndpoint)
            .WithSummary("The patient books one of the offered starts, under the booking rules (the link is then used)");
        return api;
    }

    private static async Task<Results<Created<RecallView>, ValidationProblem, ProblemHttpResult>> Send(
        string clinicId, string patientId, RecallBody body, HttpContext context, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.PlanId))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["planId"] = ["planId (the dropped-off plan of care) is required."] });
        }

        var result = await grains.GetGrain<IClinicRecallGrain>(clinicId).Send(patientId, body.PlanId.Trim(), Actor.Of(context));
        return result.Sent is { } sent
            ? TypedResults.Created($"/api/clinics/{clinicId}/recalls", RecallView.Of(sent, OutboxStatus.Pending))
            : Problems.From(result.Refusal!);
    }

    private static async Task<Results<Ok<RecallView[]>, ProblemHttpResult>> List(string clinicId, HttpContext context, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        // Through the grain (on a silo, beside the outbox), so a web node that is only an Orleans client can list them too.
        var standing = await grains.GetGrain<IClinicRecallGrain>(clinicId).GetStanding();
        context.DisclosePatients(standing.Select(s => s.Sent.PatientId));
        return TypedResults.Ok(standing.Select(s => RecallView.Of(s.Sent, s.MessageStatus)).ToArray());
    }

    private sealed record Resolved(RecallLink Link, ClinicConfig Config, IRecallLinkGrain Grain);

    private static async Task<Results<Ok<RecallLinkView>, ProblemHttpResult>> Read(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        return resolved is null ? problem! : TypedResults.Ok(await ViewAsync(resolved, grains));
    }

    private static async Task<Results<Ok<VisitLinkSlot[]>, ProblemHttpResult>> Slots(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        if (resolved is null)
        {
            return problem!;
        }

        return await resolved.Grain.GetBooked() is not null
            ? Problems.From(Refusal.Conflict(RecallLinks.UsedMessage))
            : TypedResults.Ok(await FreeSlotsAsync(resolved, grains, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<RecallLinkView>, ValidationProblem, ProblemHttpResult>> Book(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.Start is not { } start)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["start"] = ["start is required: one of the offered times."] });
        }

        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        if (resolved is null)
        {
            return problem!;
        }

        await context.BeforeChangeAsync(new AuditSubject(RecallLinks.Actor, "Patient", resolved.Link.ClinicId, resolved.Link.PatientId));
        if (await resolved.Grain.GetBooked() is not null)
        {
            return Problems.From(Refusal.Conflict(RecallLinks.UsedMessage));
        }

        // Only what the page offered: the link's therapist within the next days; the day's booking rules decide the rest.
        if (!(await FreeSlotsAsync(resolved, grains, time.GetUtcNow())).Any(s => s.Start == start))
        {
            return Problems.From(Refusal.Conflict("That time is not free any more; please pick another."));
        }

        var booked = await resolved.Grain.Book(resolved.Link, start);
        return booked.Visit is null ? Problems.From(booked.Refusal!) : TypedResults.Ok(await ViewAsync(resolved, grains));
    }

    /// <summary>The link and its clinic, or the problem to answer; a link that checks marks the call as the patient's for the audit.</summary>
    private static async Task<(Resolved? Resolved, ProblemHttpResult? Problem)> ResolveAsync(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.Token) || await signer.ReadRecallAsync(body.Token.Trim()) is not { } link
            || await grains.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return (null, Problems.NotFound(NotValid));
        }

        if (time.GetUtcNow() >= link.ExpiresAt)
        {
            return (null, TypedResults.Problem("This link has expired. Please call the clinic to book your next visit.",
                statusCode: StatusCodes.Status410Gone, title: "Link expired"));
        }

        AuditSubject.Add(context, new AuditSubject(RecallLinks.Actor, "Patient", link.ClinicId, link.PatientId));
        return (new Resolved(link, config, grains.GetGrain<IRecallLinkGrain>(link.Nonce)), null);
    }

    private static async Task<RecallLinkView> ViewAsync(Resolved resolved, IGrainFactory grains)
    {
        var config = resolved.Config;
        var therapist = config.FindTherapist(resolved.Link.TherapistId)?.DisplayName ?? "your therapist";
        if (await resolved.Grain.GetBooked() is { } visitId && await grains.GetGrain<IVisitGrain>(visitId).GetSnapshot() is { } visit)
        {
            var local = TimeZoneInfo.ConvertTime(visit.ScheduledStart, config.TimeZone);
            return new RecallLinkView(config.Name, therapist, "used", ReminderPlanner.DateText(local), ReminderPlanner.TimeText(local));
        }

        return new RecallLinkView(config.Name, therapist, "open", null, null);
    }

    private static Task<VisitLinkSlot[]> FreeSlotsAsync(Resolved resolved, IGrainFactory grains, DateTimeOffset now) =>
        PatientLinkSlots.AheadAsync(grains, resolved.Config, resolved.Link.ClinicId, resolved.Link.TherapistId,
            resolved.Config.FindVisitType(resolved.Link.VisitTypeCode)?.DefaultMinutes ?? 45, now);
}
