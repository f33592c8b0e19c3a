using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains.Clinics;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Waitlist;

/// <summary>
/// One opening's waitlist offers (key: clinic | opening). Each wave's messages go through the durable outbox; the
/// waves and answers are this grain's state, and a reminder brings it back after a restart to send a wave that fell
/// due. What it awaits (the clinic, its waitlist, the day's booking) never awaits it; the board hears of it one-way.
/// </summary>
internal sealed class WaitlistOfferGrain(
    [PersistentState("offer", StorageNames.State)] IPersistentState<WaitlistOfferState> state,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOutboxStore outbox,
    IOptions<LiveViewOptions> liveOptions,
    ILogger<WaitlistOfferGrain> logger) : Grain, IWaitlistOfferGrain, IRemindable
{
    /// <summary>The clinic's keep-today period (KeeperSeconds, a minute by default): how late a wave can be when nobody calls.</summary>
    private TimeSpan ReminderPeriod => liveOptions.Value.KeepTodayPeriod;

    private WaitlistOfferState S => state.State;

    private string ClinicId => GrainKeys.Split(this.GetPrimaryKeyString()).ClinicId;

    public async Task<OfferView> Start(OfferStart request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Opening is not null && S.State is OfferState.Offering or OfferState.Accepted)
        {
            await CatchUpAsync();
            return View()!;
        }

        var now = time.GetUtcNow();
        var settings = (await GrainFactory.GetGrain<IClinicMessagingGrain>(ClinicId).GetSettings()).EffectiveOffers;
        S.Run++;
        (S.Opening, S.Date, S.State, S.StartedAt, S.StartedBy, S.Settings) = (request.Opening, request.Date, OfferState.Offering, now, request.Actor, settings);
        (S.NextWaveAt, S.Waves, S.AcceptedEntryId, S.AcceptedVisitId, S.AcceptedBy, S.StoppedBy) = (now, 0, null, null, null, null);
        S.Recipients.Clear();
        await EnsureReminderAsync();
        if (!await CatchUpAsync())
        {
            await state.WriteOrDropAsync(this);
            Tell();
        }

        return View()!;
    }

    public async Task OnOpeningFreed(OfferStart request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = (await GrainFactory.GetGrain<IClinicMessagingGrain>(ClinicId).GetSettings()).EffectiveOffers;
        if (settings is { Enabled: true, Automatic: true } && S.Opening is null && time.GetUtcNow() < OfferWaves.StopAt(request.Opening, settings))
        {
            await Start(request);
        }
    }

    public async Task<OfferView?> Stop(string actor)
    {
        await CatchUpAsync();
        if (S.Opening is null)
        {
            return null;
        }

        if (S.State == OfferState.Offering)
        {
            (S.State, S.StoppedBy) = (OfferState.Stopped, actor);
            await state.WriteOrDropAsync(this);
            await EndAsync();
            Tell();
        }

        return View();
    }

    public async Task<OfferView?> Get()
    {
        await CatchUpAsync();
        return View();
    }

    public async Task<OfferAnswer> Read(OfferLink link)
    {
        await CatchUpAsync();
        if (Find(link) is not { } at)
        {
            return NotValid();
        }

        var recipient = S.Recipients[at];
        return recipient.Answer == "accepted" ? Answer(OfferOutcome.Yours, "It's yours: you are booked at this time.", recipient)
            : S.State == OfferState.Accepted ? Answer(OfferOutcome.Taken, TakenMessage, recipient)
            : S.State != OfferState.Offering || time.GetUtcNow() >= link.ExpiresAt ? Answer(OfferOutcome.Closed, ClosedMessage, recipient)
            : Answer(OfferOutcome.Open, "This time is free: the first to accept gets it.", recipient);
    }

    public async Task<OfferAnswer> Accept(OfferLink link)
    {
        await CatchUpAsync();
        if (Find(link) is not { } at || S.Opening is not { } opening)
        {
            return NotValid();
        }

        var recipient = S.Recipients[at];
        var now = time.GetUtcNow();
        if (recipient.Answer == "accepted")
        {
            return Answer(OfferOutcome.Yours, "This link was already used: this time is yours.", recipient);
        }

        if (S.State == OfferState.Accepted)
        {
            await AnswerAsync(at, "taken", now);
            return Answer(OfferOutcome.Taken, TakenMessage, recipient);
        }

        if (S.State != OfferState.Offering || now >= link.ExpiresAt)
        {
            return Answer(OfferOutcome.Closed, ClosedMessage, recipient);
        }

        var day = GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(ClinicId, S.Date));
        var booked = await day.Book(new BookVisitRequest(recipient.PatientId, opening.TherapistId, recipient.VisitTypeCode, opening.Start, null, false,
            OfferLinks.Actor, CommandIds.Derive(Guid.Empty, $"offer|{this.GetPrimaryKeyString()}|{S.Run}|{recipient.EntryId}")));
        if (booked.Visit is not { } visit)
        {
            await AnswerAsync(at, "failed", now);
            return Answer(OfferOutcome.Failed,
                $"We could not book this time for you: {booked.Refusal?.Message ?? "the booking was refused."} Please call the clinic.", recipient);
        }

        var patient = await GrainFactory.GetGrain<IPatientGrain>(recipient.PatientId).Get();
        (S.State, S.AcceptedEntryId, S.AcceptedVisitId) = (OfferState.Accepted, recipient.EntryId, visit.VisitId);
        S.AcceptedBy = patient is { } p ? $"{p.Details.LastName}, {p.Details.FirstName}" : recipient.PatientId;
        S.Recipients[at] = recipient with { Answer = "accepted", AnsweredAt = now };
        await state.WriteOrDropAsync(this);
        await GrainFactory.GetGrain<IWaitlistGrain>(ClinicId).MarkBooked(recipient.EntryId, visit.VisitId);
        await EndAsync();
        Tell();
        return Answer(OfferOutcome.Yours, "It's yours: you are booked at this time.", S.Recipients[at]) with { Visit = visit };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CatchUpAsync();
        if (S.State != OfferState.Offering)
        {
            await DropReminderAsync();
        }
    }

    private const string TakenMessage = "Sorry, this slot was taken: another patient accepted it first. You stay on the waitlist.";
    private const string ClosedMessage = "Sorry, this time is no longer offered. You stay on the waitlist.";

    /// <summary>Sends every wave that fell due by now, and closes the offers at the lead before the start; true when anything changed (and was stored).</summary>
    private async Task<bool> CatchUpAsync()
    {
        if (S.Opening is not { } opening || S.State != OfferState.Offering)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var stopAt = OfferWaves.StopAt(opening, S.Settings);
        var changed = false;
        if (S.NextWaveAt <= now && S.NextWaveAt < stopAt && !await StillFreeAsync(opening))
        {
            // Booked meanwhile by the desk (or no longer in the therapist's day): no more waves for a slot that is gone.
            S.State = OfferState.Closed;
            await state.WriteOrDropAsync(this);
            await EndAsync();
            Tell();
            return true;
        }

        if (S.NextWaveAt <= now && S.NextWaveAt < stopAt && await GrainFactory.GetGrain<IClinicGrain>(ClinicId).GetConfig() is { } config)
        {
            var entries = await GrainFactory.GetGrain<IWaitlistGrain>(ClinicId).List();
            while (S.NextWaveAt <= now && S.NextWaveAt < stopAt)
            {
                var wave = S.Waves + 1;
                var picked = await new OfferWaveSender(GrainFactory, outbox).SendAsync(ClinicId, opening, config, entries,
                    S.Recipients.Select(r => r.EntryId).ToHashSet(StringComparer.Ordinal), S, wave, now, stopAt);
                if (picked.Count > 0)
                {
                    S.Waves = wave;
                    S.Recipients.AddRange(picked);
                }

                S.NextWaveAt += S.Settings.WaveWait;
                changed = true;
            }
        }

        if (now >= stopAt)
        {
            S.State = OfferState.Closed;
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrDropAsync(this);
            if (S.State != OfferState.Offering)
            {
                await EndAsync();
            }

            Tell();
        }

        return changed;
    }

    /// <summary>
    /// Whether the day still shows the opening free (its board's openings). The live grain calls this grain only one-way,
    /// so asking it here cannot close a call cycle.
    /// </summary>
    private async Task<bool> StillFreeAsync(Opening opening) =>
        (await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, S.Date)).GetBoard()).Openings?
            .Any(o => o.Opening.OpeningId == opening.OpeningId) ?? false;

    /// <summary>The offers are over: messages not yet sent are withdrawn, and no reminder is needed any more.</summary>
    private async Task EndAsync()
    {
        // The winner's own offer too: they are booked, an offer arriving after that would only confuse.
        if (S.Recipients.Count > 0)
        {
            await outbox.WithdrawAsync([.. S.Recipients.Select(r => r.MessageKey)], time.GetUtcNow());
        }

        await DropReminderAsync();
    }

    private async Task AnswerAsync(int at, string answer, DateTimeOffset now)
    {
        if (S.Recipients[at].Answer is null)
        {
            S.Recipients[at] = S.Recipients[at] with { Answer = answer, AnsweredAt = now };
            await state.WriteOrDropAsync(this);
        }
    }

    private int? Find(OfferLink link)
    {
        if (S.Opening is null || link.Run != S.Run || $"{link.ClinicId}{GrainKeys.Separator}{link.OpeningId}" != this.GetPrimaryKeyString())
        {
            return null;
        }

        var at = S.Recipients.FindIndex(r => r.EntryId == link.EntryId);
        return at < 0 ? null : at;
    }

    private OfferAnswer Answer(OfferOutcome outcome, string message, OfferRecipient recipient) => new(outcome, message, S.Opening, recipient.PatientId);

    private static OfferAnswer NotValid() => new(OfferOutcome.NotValid, "This link is not valid.", null, null);

    private void Tell()
    {
        if (Summary() is { } summary)
        {
            GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, S.Date)).OnOfferChanged(summary).Ignore();
        }
    }

    private OfferSummary? Summary() => OfferViews.Summary(S);

    private OfferView? View() => OfferViews.View(ClinicId, S);

    private Task EnsureReminderAsync() => OfferReminder.EnsureAsync(this, ReminderPeriod, logger);

    private Task DropReminderAsync() => OfferReminder.DropAsync(this, logger);
}
