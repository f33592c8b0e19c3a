using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Silo.Messaging;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The public page behind a reminder's link: no sign-in, the signed token is the only credential. Every call is rate
/// limited per address; a valid one is audited under the visit's patient as "patient via link". A token that is
/// altered, made for another clinic or unknown visit, expired, or already used changes nothing and says so in words.
/// </summary>
internal static class VisitLinkEndpoints
{
    private const string NotValid = "This link is not valid. Check that the whole link from your message was opened, or call the clinic.";

    public static RouteGroupBuilder MapVisitLinkEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/visit-links").WithTags("Patient links").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.PatientLinks);
        links.MapPost("/read", Read).Audited("visit-link.read", moment: AuditMoment.AfterAnswer)
            .WithSummary("The appointment a patient's link is for: clinic, date, time, therapist (clinic time), and what the link still allows");
        links.MapPost("/confirm", Confirm).Audited("visit-link.confirm", moment: AuditMoment.ByEndpoint).WithSummary("The patient confirms the appointment (the link is then used up)");
        links.MapPost("/cancel", Cancel).Audited("visit-link.cancel", moment: AuditMoment.ByEndpoint)
            .WithSummary("The patient cancels: the slot becomes an opening; late under the clinic's late-cancel hours, as at the desk");
        links.MapPost("/slots", Slots).Audited("visit-link.slots", moment: AuditMoment.AfterAnswer)
            .WithSummary($"Free starts with the same therapist for the same length over the next {PatientLinkSlots.Days} days");
        links.MapPost("/reschedule", Reschedule).Audited("visit-link.reschedule", moment: AuditMoment.ByEndpoint)
            .WithSummary("The patient moves the appointment to one of the offered starts, under the booking rules");
        return api;
    }

    private sealed record Resolved(VisitLink Link, VisitSnapshot Visit, ClinicConfig Config, IVisitLinkGrain Grain);

    private static async Task<Results<Ok<VisitLinkView>, ValidationProblem, ProblemHttpResult>> Read(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        return resolved is null ? problem! : TypedResults.Ok(await ViewAsync(resolved, resolved.Visit, time.GetUtcNow()));
    }

    private static Task<Results<Ok<VisitLinkView>, ValidationProblem, ProblemHttpResult>> Confirm(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        ActAsync(body, context, grains, signer, time, r => r.Grain.Confirm(r.Link));

    private static Task<Results<Ok<VisitLinkView>, ValidationProblem, ProblemHttpResult>> Cancel(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        ActAsync(body, context, grains, signer, time, r => r.Grain.Cancel(r.Link));

    private static async Task<Results<Ok<VisitLinkSlot[]>, ValidationProblem, ProblemHttpResult>> Slots(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        if (resolved is null)
        {
            return problem!;
        }

        return await Unusable(resolved) is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Ok(await FreeSlotsAsync(resolved, grains, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<VisitLinkView>, ValidationProblem, ProblemHttpResult>> Reschedule(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.Start is not { } start)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["start"] = ["start is required: one of the offered times."] });
        }

        return await ActAsync(body, context, grains, signer, time, async r =>
            // Only what the page offered: the same therapist within the next days; the day's booking rules decide the rest.
            await Unusable(r) is { } refusal ? VisitResult.Refused(refusal)
            : (await FreeSlotsAsync(r, grains, time.GetUtcNow())).Any(s => s.Start == start) ? await r.Grain.Reschedule(r.Link, start)
            : VisitResult.Refused(Refusal.Conflict("That time is not free any more; please pick another.")));
    }

    private static async Task<Results<Ok<VisitLinkView>, ValidationProblem, ProblemHttpResult>> ActAsync(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, TimeProvider time,
        Func<Resolved, Task<VisitResult>> act)
    {
        var (resolved, problem) = await ResolveAsync(body, context, grains, signer, time);
        if (resolved is null)
        {
            return problem!;
        }

        await context.BeforeChangeAsync(new AuditSubject(VisitLinks.Actor, "Patient", resolved.Link.ClinicId, resolved.Visit.PatientId));
        var result = await act(resolved);
        return result.Visit is { } visit
            ? TypedResults.Ok(await ViewAsync(resolved, visit, time.GetUtcNow()))
            : Problems.From(result.Refusal!);
    }

    /// <summary>The link and its visit, or the problem to answer; a link that checks marks the call as the patient's for the audit.</summary>
    private static async Task<(Resolved? Resolved, ProblemHttpResult? Problem)> ResolveAsync(
        VisitLinkBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.Token))
        {
            return (null, Problems.NotFound(NotValid));
        }

        if (await signer.ReadAsync(body.Token.Trim()) is not { } link
            || await grains.GetGrain<IVisitGrain>(link.VisitId).GetSnapshot() is not { } visit || visit.ClinicId != link.ClinicId
            || await grains.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return (null, Problems.NotFound(NotValid));
        }

        if (time.GetUtcNow() >= link.ExpiresAt)
        {
            return (null, TypedResults.Problem("This link has expired: it could be used until the appointment's start. Please call the clinic.",
                statusCode: StatusCodes.Status410Gone, title: "Link expired"));
        }

        AuditSubject.Add(context, new AuditSubject(VisitLinks.Actor, "Patient", link.ClinicId, visit.PatientId));
        return (new Resolved(link, visit, config, grains.GetGrain<IVisitLinkGrain>(link.Nonce)), null);
    }

    /// <summary>Why the link can no longer act (used, or the visit is not the one it was sent for), else null.</summary>
    private static async Task<Refusal?> Unusable(Resolved resolved) =>
        await resolved.Grain.GetUse() is { } used ? Refusal.Conflict(VisitLinks.UsedMessage(used))
        : !VisitLinks.StillFor(resolved.Link, resolved.Visit) ? Refusal.Conflict(VisitLinks.Changed(resolved.Visit))
        : null;

    private static async Task<VisitLinkView> ViewAsync(Resolved resolved, VisitSnapshot visit, DateTimeOffset now)
    {
        var config = resolved.Config;
        var local = TimeZoneInfo.ConvertTime(visit.ScheduledStart, config.TimeZone);
        var unusable = await Unusable(resolved with { Visit = visit });
        var used = await resolved.Grain.GetUse();
        return new VisitLinkView(config.Name, ReminderPlanner.DateText(local), ReminderPlanner.TimeText(local),
            config.FindTherapist(visit.TherapistId)?.DisplayName ?? "your therapist",
            used is not null ? "used" : unusable is null ? "open" : "changed", unusable?.Message,
            visit.Status == VisitStatus.Booked && visit.ConfirmedAt is not null, visit.Status == VisitStatus.Cancelled,
            visit.ScheduledStart - now < TimeSpan.FromHours(config.LateCancelHours), config.LateCancelHours);
    }

    private static Task<VisitLinkSlot[]> FreeSlotsAsync(Resolved resolved, IGrainFactory grains, DateTimeOffset now) =>
        PatientLinkSlots.AheadAsync(grains, resolved.Config, resolved.Link.ClinicId, resolved.Visit.TherapistId, resolved.Visit.DurationMinutes, now,
            except: resolved.Visit.ScheduledStart);
}
