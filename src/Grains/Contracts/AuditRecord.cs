namespace PtHub.Grains.Contracts;

/// <summary>
/// What a caller asks the audit log to record (45 CFR 164.312(b)): who (user and role) did what (action) to which
/// resource, for which clinic and patient, from where, and whether it was allowed. The chain grain adds the time,
/// sequence and hashes (<see cref="AuditEntry"/>).
/// </summary>
/// <param name="ClinicId">The clinic whose chain records it; null for system-wide actions (chain <see cref="AuditChains.System"/>).</param>
/// <param name="Action">A dotted verb such as "patient.read", "visit.check-in" or "board.view".</param>
/// <param name="Resource">What was touched: the request path, or e.g. "hub:board".</param>
/// <param name="Outcome"><see cref="AuditOutcomes.Ok"/>, <see cref="AuditOutcomes.Denied"/> or <see cref="AuditOutcomes.Failed"/>.</param>
/// <param name="Source">The remote IP address, or "hub".</param>
/// <param name="Patients">
/// The patients a bulk read disclosed (a board, an export, a feed): one entry lists them all, so "who saw this
/// patient's data" finds the read without one row per patient. Null or empty when the action names at most the one
/// <paramref name="PatientId"/>.
/// </param>
[GenerateSerializer, Immutable, Alias("PtHub.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Role,
    [property: Id(2)] string? ClinicId,
    [property: Id(3)] string? PatientId,
    [property: Id(4)] string Action,
    [property: Id(5)] string Resource,
    [property: Id(6)] string Outcome,
    [property: Id(7)] string Source,
    [property: Id(8)] ValueList<string>? Patients = null);
