using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The onboarding checklist of a clinic's new hires: managers and administrators keep the items and tick them; anyone
/// on the roster reads their own (<c>/staff/me/onboarding</c>). Every read and change is audited; un-ticking needs a
/// reason, which the person's history keeps.
/// </summary>
internal static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboardingEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/clinics/{clinicId}/staff").WithTags("Staff");
        staff.MapGet("/me/onboarding", Mine).RequireAuthorization(AccessPolicies.Staff).Audited("staff.onboarding.self")
            .WithSummary("The signed-in person's own onboarding checklist (404 when not on the roster)");
        var managed = staff.MapGroup("").RequireAuthorization(AccessPolicies.Manager);
        managed.MapGet("/onboarding", Progress).Audited("staff.onboarding.progress").WithSummary("Everyone's onboarding progress (done of total items)");
        managed.MapGet("/onboarding/items", Items).Audited("staff.onboarding.items.read").WithSummary("The clinic's onboarding checklist items, retired ones included");
        managed.MapPost("/onboarding/items", AddItem).Audited("staff.onboarding.items.add").WithSummary("Add an item to the onboarding checklist");
        managed.MapPut("/onboarding/items/{itemId}", UpdateItem).Audited("staff.onboarding.items.update")
            .WithSummary("Rename a checklist item, retire it or bring it back");
        managed.MapGet("/{staffId}/onboarding", Checklist).Audited("staff.onboarding.read").WithSummary("A person's onboarding checklist with who ticked each item and when");
        managed.MapPost("/{staffId}/onboarding/{itemId}/complete", Complete).Audited("staff.onboarding.complete")
            .WithSummary("Tick a checklist item for a person (ticking a ticked item changes nothing)");
        managed.MapPost("/{staffId}/onboarding/{itemId}/undo", Undo).Audited("staff.onboarding.undo")
            .WithSummary("Take back a tick, with the reason");
        return api;
    }

    private static async Task<Results<Ok<OnboardingChecklist>, ValidationProblem, ProblemHttpResult>> Mine(string clinicId, HttpContext context, IGrainFactory grains) =>
        context.User.UserId() is { } userId && await grains.GetGrain<IClinicStaffGrain>(clinicId).FindByUser(userId) is { } member
            ? Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).Checklist(member.StaffId))
            : Problems.NotFound("You are not on this clinic's roster; a manager can add you.");

    private static Task<IReadOnlyList<OnboardingProgress>> Progress(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicOnboardingGrain>(clinicId).Progress();

    private static Task<IReadOnlyList<OnboardingItem>> Items(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicOnboardingGrain>(clinicId).Items();

    private static async Task<Results<Ok<ValueList<OnboardingItem>>, ValidationProblem, ProblemHttpResult>> AddItem(
        string clinicId, OnboardingItemBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        if (body.Retired is not null)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["retired"] = ["retired is for a change of an item; a new item is in use."] });
        }

        return Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).AddItem(body.Name!.Trim()));
    }

    private static async Task<Results<Ok<ValueList<OnboardingItem>>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        string clinicId, string itemId, OnboardingItemBody body, IGrainFactory grains) =>
        body.Validate() is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).UpdateItem(itemId, body.Name!.Trim(), body.Retired ?? false));

    private static async Task<Results<Ok<OnboardingChecklist>, ValidationProblem, ProblemHttpResult>> Checklist(string clinicId, string staffId, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).Checklist(staffId));

    private static async Task<Results<Ok<OnboardingChecklist>, ValidationProblem, ProblemHttpResult>> Complete(
        string clinicId, string staffId, string itemId, HttpContext context, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).Complete(staffId, itemId, Actor.Of(context)));

    private static async Task<Results<Ok<OnboardingChecklist>, ValidationProblem, ProblemHttpResult>> Undo(
        string clinicId, string staffId, string itemId, OnboardingUndoBody body, HttpContext context, IGrainFactory grains) =>
        body.Validate() is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : Answer(await grains.GetGrain<IClinicOnboardingGrain>(clinicId).Uncomplete(staffId, itemId, Actor.Of(context), body.Reason!.Trim()));

    private static Results<Ok<OnboardingChecklist>, ValidationProblem, ProblemHttpResult> Answer(OnboardingChange change) =>
        change.Checklist is { } checklist ? TypedResults.Ok(checklist) : Problems.From(change.Refusal!);

    private static Results<Ok<ValueList<OnboardingItem>>, ValidationProblem, ProblemHttpResult> Answer(OnboardingItemsChange change) =>
        change.Items is { } items ? TypedResults.Ok(items) : Problems.From(change.Refusal!);
}
