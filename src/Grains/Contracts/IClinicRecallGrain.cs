namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's recalls of patients who dropped off their plan of care (key: the clinic id): at most one per patient per
/// <see cref="MessagingSettings.RecallEveryDays"/>, each a message in the outbox with a booking link.
/// </summary>
[Alias("PtHub.IClinicRecallGrain")]
public interface IClinicRecallGrain : IGrainWithStringKey
{
    /// <summary>Queues a recall of the patient for the plan; refused when the plan is not dropped off or a recall went out within the period.</summary>
    [Alias("Send")]
    Task<RecallResult> Send(string patientId, string planId, string actor);

    /// <summary>The latest recall of each patient, newest first.</summary>
    [Alias("GetSent"), AlwaysInterleave]
    Task<IReadOnlyList<RecallSent>> GetSent();

    /// <summary>The latest recall of each patient with how its message stands in the outbox (null: no such message), newest first.</summary>
    [Alias("GetStanding"), AlwaysInterleave]
    Task<IReadOnlyList<RecallStanding>> GetStanding();

    /// <summary>The recall of an outbox message (the sender signs its link as it sends), or null.</summary>
    [Alias("FindByMessage"), AlwaysInterleave]
    Task<RecallSent?> FindByMessage(string messageKey);
}
