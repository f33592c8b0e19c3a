using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// Carries out a patient link's one action through the same commands the desk gives (the visit's cancel with the
/// clinic's late-cancel rule, the day's reschedule with the booking rules). The command id is derived from the link and
/// the action, so if this grain fails after the visit took the command but before the use was stored, the retry
/// is answered by the visit as already applied instead of acting twice.
/// </summary>
internal sealed class VisitLinkGrain(
    [PersistentState("link", StorageNames.State)] IPersistentState<VisitLinkState> state,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IVisitLinkGrain
{
    public Task<VisitLinkUse?> GetUse() => Task.FromResult(state.State.Used);

    public Task<VisitResult> Confirm(VisitLink link) => UseAsync(link, "confirm", visit =>
        visit.Execute(new VisitCommand(VisitAction.Confirm, VisitLinks.Actor, CommandId(link, "confirm"), Reason: "by the reminder's link", ClinicId: link.ClinicId)));

    public Task<VisitResult> Cancel(VisitLink link) => UseAsync(link, "cancel", visit =>
        visit.Execute(new VisitCommand(VisitAction.Cancel, VisitLinks.Actor, CommandId(link, "cancel"), Reason: "Cancelled by the patient (reminder link)",
            ClinicId: link.ClinicId)));

    public Task<VisitResult> Reschedule(VisitLink link, DateTimeOffset start) => UseAsync(link, "reschedule", async visit =>
    {
        if (await GrainFactory.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return VisitResult.Refused(Refusal.NotFound("This clinic no longer exists."));
        }

        var day = GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(link.ClinicId, config.LocalDate(start)));
        var moved = await day.Reschedule(new RescheduleRequest(link.VisitId, start, null, null, null, VisitLinks.Actor, CommandId(link, "reschedule")));
        if (moved.Visit is null)
        {
            return moved;
        }

        // The patient chose the new time themselves: it is confirmed as well.
        var confirmed = await visit.Execute(new VisitCommand(VisitAction.Confirm, VisitLinks.Actor, CommandId(link, "reschedule-confirm"),
            Reason: "chosen by the patient (reminder link)", ClinicId: link.ClinicId));
        return confirmed.Visit is null ? moved : confirmed;
    });

    private async Task<VisitResult> UseAsync(VisitLink link, string action, Func<IVisitGrain, Task<VisitResult>> act)
    {
        if (state.State.Used is { } used)
        {
            return VisitResult.Refused(Refusal.Conflict(VisitLinks.UsedMessage(used)));
        }

        var visit = GrainFactory.GetGrain<IVisitGrain>(link.VisitId);
        if (await visit.GetSnapshot() is not { } current || current.ClinicId != link.ClinicId)
        {
            return VisitResult.Refused(Refusal.NotFound("This link is not valid."));
        }

        if (!VisitLinks.StillFor(link, current))
        {
            return VisitResult.Refused(Refusal.Conflict(VisitLinks.Changed(current)));
        }

        var result = await act(visit);
        if (result.Visit is not null)
        {
            state.State.Used = new VisitLinkUse(action, time.GetUtcNow());
            await state.WriteOrDropAsync(this);
        }

        return result;
    }

    private static Guid CommandId(VisitLink link, string action) => CommandIds.Derive(Guid.Empty, $"visit-link|{link.Nonce}|{action}")!.Value;
}
