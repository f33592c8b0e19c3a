using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Kpis;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Communication;

/// <summary>
/// Recalls patients who dropped off their plan of care (no visit of theirs booked ahead, fewer of the plan's visits attended
/// than planned: the worklist's rule), at most one per patient per <see cref="MessagingSettings.RecallEveryDays"/>. The message goes to the
/// durable outbox first, under a key of the patient and the clinic day, then the recall is kept: a retry after a crash
/// between the two finds the same key and queues nothing twice. The link books the therapist of the patient's latest
/// visit, for a follow-up unless that visit was one.
/// </summary>
internal sealed class ClinicRecallGrain(
    [PersistentState("recalls", StorageNames.State)] IPersistentState<ClinicRecallState> state,
    IOutboxStore outbox,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicRecallGrain
{
    public const string KeyPrefix = "recall";

    /// <summary>How long a recall's link books: two weeks, the span of free times it offers.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(14);

    private const string FollowUp = "follow-up";

    public Task<IReadOnlyList<RecallSent>> GetSent() =>
        Task.FromResult<IReadOnlyList<RecallSent>>([.. state.State.Latest.Values.OrderByDescending(r => r.At)]);

    public async Task<IReadOnlyList<RecallStanding>> GetStanding() =>
        await Task.WhenAll(state.State.Latest.Values.OrderByDescending(r => r.At)
            .Select(async r => new RecallStanding(r, (await outbox.GetAsync(r.MessageKey))?.Status)));

    public Task<RecallSent?> FindByMessage(string messageKey) =>
        Task.FromResult(state.State.Latest.Values.FirstOrDefault(r => r.MessageKey == messageKey));

    public async Task<RecallResult> Send(string patientId, string planId, string actor)
    {
        var clinicId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return RecallResult.Refused(Refusal.NotFound($"No clinic '{clinicId}'."));
        }

        var patient = GrainFactory.GetGrain<IPatientGrain>(patientId);
        if (await patient.Get() is not { MergedInto: null } record || record.Details.ClinicId != clinicId)
        {
            return RecallResult.Refused(Refusal.NotFound($"No patient '{patientId}' in clinic '{clinicId}'."));
        }

        if ((await patient.GetPlanProgress()).FirstOrDefault(p => p.PlanId == planId) is not { } plan)
        {
            return RecallResult.Refused(Refusal.NotFound($"Patient '{patientId}' has no plan of care '{planId}'."));
        }

        var visits = (await patient.GetVisits()).Where(v => v.ClinicId == clinicId).ToList();
        if (plan.BookedAhead > 0 || visits.Any(v => !v.IsClosed) || plan.Attended >= plan.Planned)
        {
            return RecallResult.Refused(Refusal.Conflict(plan.Attended < plan.Planned
                ? $"{record.Details.FirstName} {record.Details.LastName} has a visit booked ahead; no recall is needed."
                : $"The plan of care is complete ({plan.Attended} of {plan.Planned} visits attended); no recall is needed."));
        }

        var preferences = await GrainFactory.GetGrain<IPatientMessagingGrain>(patientId).GetPreferences();
        if (preferences.OptedOut)
        {
            return RecallResult.Refused(Refusal.Conflict("The patient has opted out of messages; call them instead."));
        }

        var now = time.GetUtcNow();
        var settings = await GrainFactory.GetGrain<IClinicMessagingGrain>(clinicId).GetSettings();
        if (state.State.Latest.GetValueOrDefault(patientId) is { } last && now < last.At.AddDays(settings.RecallEveryDays))
        {
            var lastDay = config.LocalDate(last.At);
            var next = config.LocalDate(last.At.AddDays(settings.RecallEveryDays));
            return RecallResult.Refused(Refusal.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"A recall went out on {lastDay:yyyy-MM-dd} (at most one every {settings.RecallEveryDays} days); the next can go from {next:yyyy-MM-dd}.")));
        }

        var latest = visits.Where(v => v.Status != VisitStatus.EnteredInError).MaxBy(v => v.ScheduledStart);
        var therapist = latest is not null && config.FindTherapist(latest.TherapistId) is not null ? latest.TherapistId : config.Therapists.FirstOrDefault()?.Id;
        if (therapist is null)
        {
            return RecallResult.Refused(Refusal.Conflict("The clinic has no therapist to book with."));
        }

        var visitType = latest?.VisitTypeCode is { } code && code != KpiDayRollup.InitialEvaluationType && config.FindVisitType(code) is not null
            ? code
            : config.FindVisitType(FollowUp)?.Code ?? config.VisitTypes.First().Code;
        var key = string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}|{clinicId}|{patientId}|{config.LocalDate(now):yyyy-MM-dd}");
        var link = new RecallLink(clinicId, patientId, planId, therapist, visitType, now + LinkLifetime,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"recall-link|{key}")))[..32]);
        var data = new Dictionary<string, string>
        {
            [MessageTemplates.Clinic] = config.Name,
            [MessageTemplates.Date] = "",
            [MessageTemplates.Time] = "",
            [MessageTemplates.Therapist] = config.FindTherapist(therapist)?.DisplayName ?? "your therapist",
        };
        await outbox.EnqueueAsync(new OutboxMessage(key, clinicId, patientId, null, VisitReminders.ChannelOf(preferences, record.Details), MessagingSettings.RecallTemplate, data,
            now, link.ExpiresAt, OutboxStatus.Pending, 0, now, null, null, now, null, $"recall of plan {planId}; {actor}"));
        var sent = new RecallSent(patientId, planId, key, now, actor, link);
        state.State.Latest[patientId] = sent;
        await state.WriteOrDropAsync(this);
        return new RecallResult(sent, null);
    }
}
