using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

/// <summary>
/// Builds a visit's state by booking it and applying commands the state machine accepted, at chosen times,
/// so every state a test starts from is one the lifecycle can actually reach.
/// </summary>
internal sealed class VisitBuilder
{
    public const string ClinicId = "clinic-1";
    public const string PatientId = "patient-1";
    public const string BookedTherapist = "pt-1";
    public const string OtherTherapist = "pt-2";
    public const string Gym = "gym";
    public const string PrivateRoom = "room-2";
    public const string Desk = "desk-1";

    /// <summary>The visit's scheduled start: 14:00 UTC on a Monday.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 14, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset BookedAt = Start.AddDays(-2);

    private VisitBuilder()
    {
    }

    public VisitState State { get; } = new();

    public static VisitBuilder Booked(DateTimeOffset? at = null, bool walkIn = false, Guid? commandId = null, int durationMinutes = 45)
    {
        var builder = new VisitBuilder();
        VisitLifecycle.Book(builder.State, Booking(walkIn, commandId, durationMinutes), at ?? BookedAt);
        return builder;
    }

    public static VisitBooking Booking(bool walkIn = false, Guid? commandId = null, int durationMinutes = 45) =>
        new(ClinicId, PatientId, BookedTherapist, "follow-up", Start, durationMinutes, DateOnly.FromDateTime(Start.UtcDateTime),
            walkIn, "scheduler-1", commandId);

    /// <summary>A visit that reached <paramref name="status"/> by the ordinary path, every step before <see cref="Start"/> + 1 h.</summary>
    public static VisitState In(VisitStatus status) => status switch
    {
        VisitStatus.Booked => Booked().State,
        VisitStatus.Arrived => Booked().Arrive().State,
        VisitStatus.CheckedIn => Booked().Arrive().CheckIn().State,
        VisitStatus.InTreatment => Booked().Arrive().CheckIn().StartIn(Gym).State,
        VisitStatus.Finished => Booked().Arrive().CheckIn().StartIn(Gym).Finish().State,
        VisitStatus.CheckedOut => Booked().Arrive().CheckIn().StartIn(Gym).Finish().CheckOut().State,
        VisitStatus.Cancelled => Booked().Then(VisitAction.Cancel, Start.AddHours(-2), reason: "Flu").State,
        VisitStatus.NoShow => Booked().Then(VisitAction.NoShow, Start.AddMinutes(15)).State,
        VisitStatus.LeftWithoutBeingSeen => Booked().Arrive().Then(VisitAction.LeftWithoutBeingSeen, Start).State,
        VisitStatus.EnteredInError => Booked().Then(VisitAction.EnteredInError, Start.AddDays(-1), reason: "Duplicate").State,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No path to this status."),
    };

    public VisitBuilder Arrive(DateTimeOffset? at = null) => Then(VisitAction.Arrive, at ?? Start.AddMinutes(-12));

    public VisitBuilder CheckIn(DateTimeOffset? at = null) => Then(VisitAction.CheckIn, at ?? Start.AddMinutes(-8));

    public VisitBuilder StartIn(string? room, DateTimeOffset? at = null, string? therapist = null) =>
        Then(VisitAction.StartTreatment, at ?? Start.AddMinutes(2), room, therapist);

    public VisitBuilder Finish(DateTimeOffset? at = null) => Then(VisitAction.Finish, at ?? Start.AddMinutes(47));

    public VisitBuilder CheckOut(DateTimeOffset? at = null) => Then(VisitAction.CheckOut, at ?? Start.AddMinutes(55));

    public VisitBuilder Assign(DateTimeOffset at, string? room = null, string? therapist = null) =>
        Then(VisitAction.Assign, at, room, therapist);

    /// <summary>Decides the command and applies it; fails the test if the state machine refuses it.</summary>
    public VisitBuilder Then(VisitAction action, DateTimeOffset at, string? room = null, string? therapist = null, string? reason = null)
    {
        var command = new VisitCommand(action, Desk, Guid.NewGuid(), room, therapist, reason);
        var decision = VisitLifecycle.Decide(State, command, at, VisitLifecycle.DefaultLateCancelWindow);
        Assert.True(decision.Transition is not null, $"Setup step {action} was refused: {decision.Refusal?.Message}");
        VisitLifecycle.Apply(State, decision.Transition, Desk, command.CommandId, at);
        return this;
    }
}
