using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>The persisted truth of one visit. Everything else about it is derived from these fields and the events.</summary>
[GenerateSerializer, Alias("PtHub.VisitState")]
public sealed class VisitState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string ClinicId { get; set; } = "";
    [Id(2)] public string PatientId { get; set; } = "";
    [Id(3)] public DateOnly Date { get; set; }
    [Id(4)] public string VisitTypeCode { get; set; } = "";
    [Id(5)] public DateTimeOffset ScheduledStart { get; set; }
    [Id(6)] public int DurationMinutes { get; set; }
    [Id(7)] public VisitStatus Status { get; set; }
    [Id(8)] public string TherapistId { get; set; } = "";
    [Id(9)] public string? RoomId { get; set; }
    [Id(10)] public bool WalkIn { get; set; }
    [Id(11)] public bool LateCancellation { get; set; }
    [Id(12)] public string? CancelReason { get; set; }
    [Id(13)] public List<VisitEvent> Events { get; set; } = [];

    /// <summary>Ids of the most recent commands applied, so a retried command applies once.</summary>
    [Id(14)] public List<Guid> RecentCommandIds { get; set; } = [];

    /// <summary>Events up to this sequence are known to be in the event table (an outbox marker).</summary>
    [Id(15)] public int EventsLoggedThrough { get; set; }

    /// <summary>The wait quoted to the patient at arrival, kept to measure estimate accuracy afterwards.</summary>
    [Id(16)] public int? QuotedWaitMinutes { get; set; }

    /// <summary>Minutes per procedure code, as recorded after treatment.</summary>
    [Id(17)] public List<ServiceMinutes> Services { get; set; } = [];

    /// <summary>What the visit billed at check-out.</summary>
    [Id(18)] public VisitBilling? Billing { get; set; }

    [Id(19)] public CopayPayment? Copay { get; set; }

    /// <summary>The treatment space booked for the visit (scheduling); <see cref="RoomId"/> is where the patient is.</summary>
    [Id(20)] public string? PlannedRoomId { get; set; }

    /// <summary>The patient index knows this visit is of <see cref="PatientId"/> (pthub_patient_visits); retried on activation.</summary>
    [Id(21)] public bool PatientLinked { get; set; }

    /// <summary>Times a merge moved the visit to another patient: counted into the snapshot's version, so the day takes the move.</summary>
    [Id(22)] public int PatientMoves { get; set; }

    /// <summary>What the reminders in the outbox were last planned for (<see cref="Communication.ReminderPlanner.Signature"/>); null: never.</summary>
    [Id(23)] public string? RemindersPlannedFor { get; set; }

    /// <summary>When the patient confirmed the visit at its current time; a move clears it.</summary>
    [Id(24)] public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The plan of care the visit belongs to (named at booking, else the patient's plan covering its date); null: none.</summary>
    [Id(25)] public VisitPlan? Plan { get; set; }

    /// <summary>The copay due for the visit, from the patient's coverage when the patient arrived (0: none); null: not known (no coverage, not arrived).</summary>
    [Id(26)] public decimal? CopayDue { get; set; }
}
