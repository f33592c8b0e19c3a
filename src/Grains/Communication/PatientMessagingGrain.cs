using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Communication;

/// <summary>
/// A patient's channel and opt-out; the outbox asks it before every send, so an opt-out stops what is already queued.
/// A visit booked while the patient was opted out has no reminders planned: opting back in plans them for every booked
/// visit from yesterday on (the visits' grains decide which still need one).
/// </summary>
internal sealed partial class PatientMessagingGrain(
    [PersistentState("contact", StorageNames.State)] IPersistentState<PatientMessagingState> state,
    IPatientIndex patientIndex,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    ILogger<PatientMessagingGrain> logger) : Grain, IPatientMessagingGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.RemindersOwed)
        {
            // Not inside the activation: the visits read this grain's preferences back while they plan.
            this.RegisterGrainTimer(PlanOwedRemindersAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        }

        return Task.CompletedTask;
    }

    public Task<ContactPreferences> GetPreferences() => Task.FromResult(state.State.Preferences);

    public async Task<ContactPreferences> SetPreferences(ContactPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        state.State.RemindersOwed |= state.State.Preferences.OptedOut && !preferences.OptedOut;
        state.State.Preferences = preferences;
        await state.WriteOrDropAsync(this);
        if (state.State.RemindersOwed)
        {
            await PlanOwedRemindersAsync(CancellationToken.None);
        }

        return preferences;
    }

    /// <summary>Plans the reminders owed since an opt-in; a failure leaves them owed for the next change or activation.</summary>
    private async Task PlanOwedRemindersAsync(CancellationToken cancellationToken)
    {
        var patientId = this.GetPrimaryKeyString();
        try
        {
            if (await GrainFactory.GetGrain<IPatientGrain>(patientId).Get() is { } patient)
            {
                var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
                var causedBy = $"opted back in; {state.State.Preferences.ChangedBy ?? "patient"}";
                foreach (var visitId in await patientIndex.VisitsFromAsync(patient.Details.ClinicId, patientId, from, cancellationToken))
                {
                    await GrainFactory.GetGrain<IVisitGrain>(visitId).ReplanReminders(causedBy);
                }
            }

            state.State.RemindersOwed = false;
            await state.WriteOrDropAsync(this);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReplanFailed(logger, ex, patientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders of patient {PatientId}'s booked visits could not be planned after an opt-in; kept owed")]
    private static partial void LogReplanFailed(ILogger logger, Exception ex, string patientId);
}
