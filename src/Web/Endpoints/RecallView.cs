using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// A patient's latest recall as the worklist shows it: when, by whom, and how its message stands in the outbox
/// (<see cref="MessageStatus"/>: an <see cref="OutboxStatus"/> name, null when the outbox has no such message).
/// </summary>
public sealed record RecallView(string PatientId, string PlanId, DateTimeOffset SentAt, string SentBy, string MessageKey, string? MessageStatus)
{
    public static RecallView Of(RecallSent sent, OutboxStatus? status) =>
        new(sent.PatientId, sent.PlanId, sent.At, sent.By, sent.MessageKey, status?.ToString());
}
