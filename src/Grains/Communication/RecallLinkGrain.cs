using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

/// <summary>
/// Books a recall link's one visit through the clinic day, under the same booking rules as the desk (no override). The
/// booking's command id is derived from the link, so a retry after a failure between the booking and the stored use
/// gets the same visit instead of a second one.
/// </summary>
internal sealed class RecallLinkGrain(
    [PersistentState("recall-link", StorageNames.State)] IPersistentState<RecallLinkState> state) : Grain, IRecallLinkGrain
{
    public Task<string?> GetBooked() => Task.FromResult(state.State.VisitId);

    public async Task<VisitResult> Book(RecallLink link, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (state.State.VisitId is not null)
        {
            return VisitResult.Refused(Refusal.Conflict(RecallLinks.UsedMessage));
        }

        if (await GrainFactory.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return VisitResult.Refused(Refusal.NotFound("This clinic no longer exists."));
        }

        var commandId = CommandIds.Derive(Guid.Empty, $"recall-link|{link.Nonce}|book");
        var day = GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(link.ClinicId, config.LocalDate(start)));
        var booked = await day.Book(new BookVisitRequest(link.PatientId, link.TherapistId, link.VisitTypeCode, start, null, false, RecallLinks.Actor, commandId));
        if (booked.Visit is { } visit)
        {
            state.State.VisitId = visit.VisitId;
            await state.WriteOrDropAsync(this);
        }

        return booked;
    }
}
