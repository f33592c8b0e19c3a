namespace PtHub.Grains.Storage;

/// <summary>One row of the visit event table.</summary>
public sealed record VisitEventRecord(
    string ClinicId,
    string VisitId,
    int Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Command,
    string? FromStatus,
    string ToStatus,
    string? RoomId,
    string? TherapistId,
    string? Detail);
