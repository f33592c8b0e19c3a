using PtHub.Web.Security;
using PtHub.Grains;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

internal static class VisitEndpoints
{
    public static RouteGroupBuilder MapVisitEndpoints(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/clinics/{clinicId}").WithTags("Visits");
        visits.MapPost("/visits", Book).RequireAuthorization(AccessPolicies.FrontDesk).Audited("visit.book").WithSummary("Book a visit");
        visits.MapPost("/walk-ins", WalkIn).RequireAuthorization(AccessPolicies.FrontDesk).Audited("visit.walk-in").WithSummary("Book a walk-in for now and mark them arrived");
        visits.MapGet("/visits/{visitId}", GetVisit).RequireAuthorization(AccessPolicies.Staff).Audited("visit.read")
            .WithSummary("A visit with its event history (therapists: their own visits)");
        visits.MapPost("/visits/{visitId}/reschedule", Reschedule).RequireAuthorization(AccessPolicies.FrontDesk).Audited("visit.reschedule", moment: AuditMoment.ByEndpoint)
            .WithSummary("Move a booked visit to a new time (and therapist, space or day), under the booking rules");
        foreach (var action in Enum.GetValues<VisitAction>().Where(a => a is not (VisitAction.Book or VisitAction.Reschedule)))
        {
            visits.MapPost($"/visits/{{visitId}}/{action.ToCode()}",
                    (string clinicId, string visitId, VisitCommandBody? body, HttpContext context, IGrainFactory grains) =>
                        Execute(clinicId, visitId, action, body, context, grains))
                .RequireAuthorization(TherapistActions.Contains(action) ? AccessPolicies.Staff : AccessPolicies.FrontDesk)
                .Audited($"visit.{action.ToCode()}", moment: AuditMoment.ByEndpoint)
                .WithName($"Visit-{action.ToCode()}")
                .WithSummary(Summaries[action]);
        }

        return api;
    }

    /// <summary>What a therapist may do, and only on their own visits; the desk's steps stay with the desk.</summary>
    private static readonly HashSet<VisitAction> TherapistActions =
        [VisitAction.Assign, VisitAction.StartTreatment, VisitAction.Finish, VisitAction.RecordServices];

    private static readonly Dictionary<VisitAction, string> Summaries = new()
    {
        [VisitAction.Arrive] = "The patient is at the desk",
        [VisitAction.CheckIn] = "Forms, insurance and copay done: ready to be seen",
        [VisitAction.Assign] = "Move the patient to a room and/or hand them to a therapist",
        [VisitAction.StartTreatment] = "Treatment starts (optionally naming room and therapist)",
        [VisitAction.Finish] = "Treatment is over",
        [VisitAction.CheckOut] = "The patient leaves (appointment fulfilled)",
        [VisitAction.Cancel] = "Cancel a booked visit (reason required; late if within 24 h)",
        [VisitAction.NoShow] = "The patient did not come",
        [VisitAction.LeftWithoutBeingSeen] = "The patient left before treatment",
        [VisitAction.EnteredInError] = "The visit should never have existed",
        [VisitAction.RecordServices] = "Minutes per procedure code, once treatment is finished (units are computed at check-out)",
        [VisitAction.CollectCopay] = "The copay taken at the desk (amount, method)",
        [VisitAction.Reschedule] = "Move a booked visit",
        [VisitAction.Confirm] = "The patient confirmed they will come (e.g. on the phone); the board and schedule mark it. A move clears it",
        [VisitAction.Undo] = "Take back the visit's last step, within 5 minutes, by the user who took it (not check-out)",
    };

    private static Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> Book(
        string clinicId, BookVisitBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time,
        IOptions<JsonOptions> json) =>
        BookAsync(clinicId, body, walkIn: false, context, grains, time, json);

    private static Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> WalkIn(
        string clinicId, BookVisitBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time,
        IOptions<JsonOptions> json) =>
        BookAsync(clinicId, body, walkIn: true, context, grains, time, json);

    private static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> BookAsync(
        string clinicId, BookVisitBody body, bool walkIn, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time,
        IOptions<JsonOptions> jsonOptions)
    {
        var errors = body.Validate(walkIn, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var start = walkIn ? time.GetUtcNow() : body.ScheduledStart!.Value;
        VisitPlan? plan = null;
        if (Blank(body.PlanId) is { } planId
            && (plan = await grains.GetGrain<IPatientGrain>(body.PatientId!).FindPlan(planId, config.LocalDate(start))) is null)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["planId"] = [$"The patient has no plan of care '{planId}'."] });
        }

        var request = new BookVisitRequest(body.PatientId!, body.TherapistId!, body.VisitType!, start, body.DurationMinutes,
            walkIn, Actor.Of(context), body.CommandId, Blank(body.RoomId), Blank(body.OverrideReason), plan);
        var day = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(start)));
        var result = await day.Book(request);
        if (result.Visit is not { } visit)
        {
            return Problems.From(result.Refusal!);
        }

        await ArrivalQuote.RecordAsync(grains, visit, context);

        // The visit as it now stands, plus what the desk should hear while booking (e.g. beyond the authorization).
        var json = JsonSerializer.SerializeToNode(visit, jsonOptions.Value.SerializerOptions)!.AsObject();
        json["warnings"] = new JsonArray([.. (result.Warnings ?? []).Select(w => JsonValue.Create(w))]);
        return TypedResults.Created($"/api/clinics/{clinicId}/visits/{visit.VisitId}", json);
    }

    private static async Task<Results<Ok<VisitHistory>, ProblemHttpResult>> GetVisit(
        string clinicId, string visitId, IGrainFactory grains, HttpContext context) =>
        await grains.GetGrain<IVisitGrain>(visitId).GetHistory() is { } history && history.Visit.ClinicId == clinicId
            && IsCareTeam(context, history.Visit)
            ? TypedResults.Ok(history)
            : Problems.NotFound($"No visit '{visitId}' in clinic '{clinicId}'.");

    /// <summary>
    /// Minimum necessary: a therapist reaches only visits with them. Others' visits answer as unknown, so the
    /// answer tells nothing about them.
    /// </summary>
    private static bool IsCareTeam(HttpContext context, VisitSnapshot visit) =>
        context.User.StaffRole() != StaffRole.Therapist || visit.TherapistId == context.User.TherapistId();

    private static async Task<Results<Ok<VisitSnapshot>, ValidationProblem, ProblemHttpResult>> Execute(
        string clinicId, string visitId, VisitAction action, VisitCommandBody? body, HttpContext context, IGrainFactory grains)
    {
        if ((body ?? new VisitCommandBody(null, null, null, null)).Validate(action) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var services = body?.Services?.Select(s => new ServiceMinutes(s.Code?.Trim() ?? "", s.Minutes ?? -1)).ToValueList();
        var copay = body?.Amount is { } amount ? new CopayPayment(amount, body.Method ?? PaymentMethod.Cash, "", default) : null;
        if (context.User.StaffRole() == StaffRole.Therapist
            && (await grains.GetGrain<IVisitGrain>(visitId).GetSnapshot() is not { } current || current.ClinicId != clinicId || !IsCareTeam(context, current)))
        {
            return Problems.NotFound($"No visit '{visitId}' in clinic '{clinicId}'.");
        }

        var command = new VisitCommand(action, Actor.Of(context), body?.CommandId, Blank(body?.RoomId), Blank(body?.TherapistId),
            Blank(body?.Reason), clinicId, services, copay, Audit: AuditTrail.ChangeRecord(context));
        var result = action == VisitAction.Undo
            ? await UndoAsync(clinicId, visitId, command, grains)
            : await grains.GetGrain<IVisitGrain>(visitId).Execute(command);
        if (result.Audited)
        {
            context.RecordedWithChange();
        }

        if (result.Visit is not { } visit)
        {
            return Problems.From(result.Refusal!);
        }

        if (action == VisitAction.Arrive)
        {
            await ArrivalQuote.RecordAsync(grains, visit, context);
        }

        return TypedResults.Ok(visit);
    }

    /// <summary>An undo goes through the visit's day, which owns the schedule a cancel or no-show taken back returns to.</summary>
    private static async Task<VisitResult> UndoAsync(string clinicId, string visitId, VisitCommand command, IGrainFactory grains) =>
        await grains.GetGrain<IVisitGrain>(visitId).GetSnapshot() is { } current && current.ClinicId == clinicId
            ? await grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, current.Date)).Undo(visitId, command)
            : VisitResult.Refused(Refusal.NotFound($"No visit '{visitId}' in clinic '{clinicId}'."));

    private static async Task<Results<Ok<VisitSnapshot>, ValidationProblem, ProblemHttpResult>> Reschedule(
        string clinicId, string visitId, RescheduleBody body, HttpContext context, IGrainFactory grains,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.ScheduledStart is not { } start)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["scheduledStart"] = ["scheduledStart is required (ISO 8601 with offset)."] });
        }

        if (!DateWindow.Contains(start, time.GetUtcNow()))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["scheduledStart"] = [DateWindow.Message("scheduledStart")] });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (await grains.GetGrain<IVisitGrain>(visitId).GetSnapshot() is not { } moving || moving.ClinicId != clinicId)
        {
            return Problems.NotFound($"No visit '{visitId}' in clinic '{clinicId}'.");
        }

        await context.BeforeChangeAsync(moving.PatientId);
        var day = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(start)));
        var result = await day.Reschedule(new RescheduleRequest(visitId, start, Blank(body.TherapistId), Blank(body.RoomId),
            Blank(body.OverrideReason), Actor.Of(context), body.CommandId));
        return result.Visit is { } visit ? TypedResults.Ok(visit) : Problems.From(result.Refusal!);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
