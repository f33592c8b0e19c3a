using PtHub.Grains.Billing;

namespace PtHub.Grains.Contracts;

/// <summary>
/// One command to a visit. <see cref="CommandId"/> makes retries safe: a command whose id the visit
/// has already applied is answered with the current visit and changes nothing.
/// </summary>
/// <param name="RoomId">For assign and start: the treatment space to move the patient to.</param>
/// <param name="TherapistId">For assign and start: the therapist to hand the patient to.</param>
/// <param name="Reason">For cancel and entered-in-error.</param>
/// <param name="Services">For record-services: minutes per procedure code.</param>
/// <param name="Copay">For collect-copay: what was taken, how, by whom.</param>
/// <param name="NewStart">For reschedule: the new start; <paramref name="NewDate"/> is its date in the clinic, and RoomId the planned space.</param>
/// <param name="ClinicId">When given, the visit refuses (not found) unless it belongs to this clinic.</param>
/// <param name="Audit">
/// The caller's audit entry for this change (its patient is filled in by the visit). When given, the visit appends it
/// to its clinic's audit chain after the command is decided and before anything is stored, and answers with
/// <see cref="VisitResult.Audited"/>: if the entry cannot be written the command fails and nothing changes; if the
/// change then cannot be stored, a <see cref="AuditOutcomes.Failed"/> entry follows it.
/// </param>
[GenerateSerializer, Immutable, Alias("PtHub.VisitCommand")]
public sealed record VisitCommand(
    [property: Id(0)] VisitAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] Guid? CommandId = null,
    [property: Id(3)] string? RoomId = null,
    [property: Id(4)] string? TherapistId = null,
    [property: Id(5)] string? Reason = null,
    [property: Id(6)] string? ClinicId = null,
    [property: Id(7)] ValueList<ServiceMinutes>? Services = null,
    [property: Id(8)] CopayPayment? Copay = null,
    [property: Id(9)] DateTimeOffset? NewStart = null,
    [property: Id(10)] DateOnly? NewDate = null,
    [property: Id(11)] AuditRecord? Audit = null);
