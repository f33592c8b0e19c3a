using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

public sealed class VisitLifecycleTests
{
    private static readonly DateTimeOffset Start = VisitBuilder.Start;
    private static readonly TimeSpan Window = VisitLifecycle.DefaultLateCancelWindow;

    public static TheoryData<VisitAction> AllActions { get; } = new(Enum.GetValues<VisitAction>());

    [Fact]
    public void DefaultLateCancelWindowIsTwentyFourHours()
    {
        Assert.Equal(TimeSpan.FromHours(24), VisitLifecycle.DefaultLateCancelWindow);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void EveryCommandRefusedAsNotFoundWhenVisitDoesNotExist(VisitAction action)
    {
        var decision = Decide(new VisitState(), new VisitCommand(action, VisitBuilder.Desk, RoomId: VisitBuilder.Gym, Reason: "x"));

        AssertRefused(decision, RefusalKind.NotFound);
    }

    [Fact]
    public void CommandForAnotherClinicRefusedAsNotFound()
    {
        var state = VisitBuilder.Booked().State;

        var decision = Decide(state, new VisitCommand(VisitAction.Arrive, VisitBuilder.Desk, ClinicId: "clinic-2"));

        AssertRefused(decision, RefusalKind.NotFound);
    }

    [Fact]
    public void CommandNamingTheVisitsOwnClinicIsAccepted()
    {
        var state = VisitBuilder.Booked().State;

        var decision = Decide(state, new VisitCommand(VisitAction.Arrive, VisitBuilder.Desk, ClinicId: VisitBuilder.ClinicId));

        Assert.Equal(VisitStatus.Arrived, AssertAccepted(decision).To);
    }

    [Fact]
    public void CheckInRefusedWhenVisitCancelled()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.Cancelled), Command(VisitAction.CheckIn));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("cancelled", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInRefusedBeforeArrivalAndSaysToArriveFirst()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.Booked), Command(VisitAction.CheckIn));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("arrived", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArriveRefusedWhenAlreadyArrivedAndSaysHowLongAgo()
    {
        var state = VisitBuilder.Booked().Arrive(Start.AddMinutes(-12)).State;

        var decision = Decide(state, Command(VisitAction.Arrive), Start);

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("already arrived", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("12 min ago", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArriveRefusedWhenVisitIsClosed()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.NoShow), Command(VisitAction.Arrive));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("no-show", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("already arrived", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitStatus.Booked)]
    [InlineData(VisitStatus.Arrived)]
    [InlineData(VisitStatus.CheckedIn)]
    public void FinishRefusedBeforeTreatmentStarts(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.Finish));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("before it starts", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutRefusedWhileInTreatment()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.InTreatment), Command(VisitAction.CheckOut));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("finish the treatment first", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitStatus.Arrived)]
    [InlineData(VisitStatus.CheckedIn)]
    public void CancelRefusedOnceWaitingAndPointsToLeftWithoutBeingSeen(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.Cancel, reason: "Changed mind"));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("left-without-being-seen", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftWithoutBeingSeenRefusedBeforeArrivalAndPointsToCancelOrNoShow()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.Booked), Command(VisitAction.LeftWithoutBeingSeen));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("cancel or no-show", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftWithoutBeingSeenRecordsTheReasonAsDetail()
    {
        var state = VisitBuilder.Booked().Arrive().State;

        var transition = AssertAccepted(Decide(state, Command(VisitAction.LeftWithoutBeingSeen, reason: "Could not wait")));

        Assert.Equal("Could not wait", transition.Detail);
    }

    [Fact]
    public void EnteredInErrorVisitRefusesEveryFurtherCommandWithAReason()
    {
        var state = VisitBuilder.In(VisitStatus.EnteredInError);

        foreach (var action in Enum.GetValues<VisitAction>())
        {
            var refusal = AssertRefused(Decide(state, Command(action, room: VisitBuilder.Gym, reason: "x")), RefusalKind.Conflict);
            Assert.Contains("entered-in-error", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EnteredInErrorRecordsTheReasonAsDetail()
    {
        var transition = AssertAccepted(Decide(VisitBuilder.In(VisitStatus.CheckedOut), Command(VisitAction.EnteredInError, reason: "Wrong patient")));

        Assert.Equal(VisitStatus.EnteredInError, transition.To);
        Assert.Equal("Wrong patient", transition.Detail);
    }

    [Fact]
    public void CancelExactlyAtTheLateWindowIsNotLate()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.Cancel, reason: "Flu"), Start - Window);

        var transition = AssertAccepted(decision);
        Assert.Equal(VisitStatus.Cancelled, transition.To);
        Assert.False(transition.LateCancellation);
    }

    [Fact]
    public void CancelOneMinuteInsideTheLateWindowIsLate()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.Cancel, reason: "Flu"), Start - Window + TimeSpan.FromMinutes(1));

        Assert.True(AssertAccepted(decision).LateCancellation);
    }

    [Fact]
    public void CancelAfterTheScheduledStartIsLate()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.Cancel, reason: "Flu"), Start.AddMinutes(5));

        Assert.True(AssertAccepted(decision).LateCancellation);
    }

    [Fact]
    public void CancelHonoursTheClinicsLateWindow()
    {
        var command = Command(VisitAction.Cancel, reason: "Flu");
        var thirtyHoursAhead = Start.AddHours(-30);

        var withDefault = VisitLifecycle.Decide(VisitBuilder.Booked().State, command, thirtyHoursAhead, Window);
        var withTwoDays = VisitLifecycle.Decide(VisitBuilder.Booked().State, command, thirtyHoursAhead, TimeSpan.FromHours(48));

        Assert.False(AssertAccepted(withDefault).LateCancellation);
        Assert.True(AssertAccepted(withTwoDays).LateCancellation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CancelRefusedWithoutAReason(string? reason)
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.Cancel, reason: reason), Start.AddDays(-1));

        var refusal = AssertRefused(decision, RefusalKind.Invalid);
        Assert.Contains("reason", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelRecordsTrimmedReasonAndLateFlagOnTheVisit()
    {
        var state = VisitBuilder.Booked().State;
        var at = Start.AddHours(-3);
        var transition = AssertAccepted(Decide(state, Command(VisitAction.Cancel, reason: "  Car broke down \n"), at));

        var evt = VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, null, at);

        Assert.Equal(VisitStatus.Cancelled, state.Status);
        Assert.True(state.LateCancellation);
        Assert.Equal("Car broke down", state.CancelReason);
        Assert.Equal("Car broke down", evt.Detail);
    }

    [Fact]
    public void EarlyCancelLeavesTheLateFlagOff()
    {
        var state = VisitBuilder.Booked().State;
        var at = Start.AddDays(-2);
        var transition = AssertAccepted(Decide(state, Command(VisitAction.Cancel, reason: "Moving away"), at));

        VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, null, at);

        Assert.False(state.LateCancellation);
        Assert.Equal("Moving away", state.CancelReason);
    }

    [Fact]
    public void NoShowRefusedBeforeTheScheduledStart()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.NoShow), Start.AddMinutes(-1));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("starts in 1 min", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoShowAcceptedAtTheScheduledStartWhenTheClinicGivesNoGrace()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.NoShow), Start);

        Assert.Equal(VisitStatus.NoShow, AssertAccepted(decision).To);
    }

    [Fact]
    public void NoShowRefusedWithinTheClinicsGraceAndAcceptedWhenItEnds()
    {
        var grace = TimeSpan.FromMinutes(15);
        var state = VisitBuilder.Booked().State;

        var early = VisitLifecycle.Decide(state, Command(VisitAction.NoShow), Start.AddMinutes(3), VisitLifecycle.DefaultLateCancelWindow, grace);
        var due = VisitLifecycle.Decide(state, Command(VisitAction.NoShow), Start.AddMinutes(15), VisitLifecycle.DefaultLateCancelWindow, grace);

        var refusal = AssertRefused(early, RefusalKind.Conflict);
        Assert.Contains("12 min of the clinic's 15-min grace left", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.NoShow, AssertAccepted(due).To);
    }

    [Fact]
    public void NoShowAcceptedAfterTheScheduledStart()
    {
        var decision = Decide(VisitBuilder.Booked().State, Command(VisitAction.NoShow), Start.AddMinutes(20));

        Assert.Equal(VisitStatus.NoShow, AssertAccepted(decision).To);
    }

    [Fact]
    public void AssignRefusedWithoutRoomOrTherapist()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.CheckedIn), Command(VisitAction.Assign));

        AssertRefused(decision, RefusalKind.Invalid);
    }

    [Theory]
    [InlineData(VisitStatus.Booked)]
    [InlineData(VisitStatus.Arrived)]
    public void AssignRoomRefusedBeforeCheckIn(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.Assign, room: VisitBuilder.Gym));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("Check the patient in", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitStatus.Booked)]
    [InlineData(VisitStatus.Arrived)]
    public void AssignTherapistAcceptedBeforeCheckInAndKeepsTheStatus(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.Assign, therapist: VisitBuilder.OtherTherapist));

        var transition = AssertAccepted(decision);
        Assert.Equal(status, transition.To);
        Assert.Equal(VisitBuilder.OtherTherapist, transition.TherapistId);
        Assert.Null(transition.RoomId);
    }

    [Fact]
    public void AssignRoomOnceCheckedInKeepsTheTherapistAndStatus()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.CheckedIn), Command(VisitAction.Assign, room: VisitBuilder.Gym));

        var transition = AssertAccepted(decision);
        Assert.Equal(VisitStatus.CheckedIn, transition.To);
        Assert.Equal(VisitBuilder.Gym, transition.RoomId);
        Assert.Equal(VisitBuilder.BookedTherapist, transition.TherapistId);
    }

    [Fact]
    public void AssignTherapistOnlyKeepsTheCurrentRoom()
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var transition = AssertAccepted(Decide(state, Command(VisitAction.Assign, therapist: VisitBuilder.OtherTherapist)));

        Assert.Equal(VisitStatus.InTreatment, transition.To);
        Assert.Equal(VisitBuilder.Gym, transition.RoomId);
        Assert.Equal(VisitBuilder.OtherTherapist, transition.TherapistId);
    }

    [Theory]
    [InlineData(VisitBuilder.Gym, null)]
    [InlineData(null, VisitBuilder.BookedTherapist)]
    [InlineData(VisitBuilder.Gym, VisitBuilder.BookedTherapist)]
    public void AssignRefusedWhenRoomAndTherapistWouldNotChange(string? room, string? therapist)
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var decision = Decide(state, Command(VisitAction.Assign, room: room, therapist: therapist));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("already has that room and therapist", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitStatus.Finished)]
    [InlineData(VisitStatus.CheckedOut)]
    [InlineData(VisitStatus.Cancelled)]
    [InlineData(VisitStatus.LeftWithoutBeingSeen)]
    public void AssignTherapistRefusedOnceTheVisitIsOver(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.Assign, therapist: VisitBuilder.OtherTherapist));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("nothing can be assigned", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartRefusedWithoutARoom()
    {
        var decision = Decide(VisitBuilder.In(VisitStatus.CheckedIn), Command(VisitAction.StartTreatment));

        var refusal = AssertRefused(decision, RefusalKind.Invalid);
        Assert.Contains("roomId", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUsesTheRoomAlreadyAssigned()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.PrivateRoom).State;

        var transition = AssertAccepted(Decide(state, Command(VisitAction.StartTreatment)));

        Assert.Equal(VisitStatus.InTreatment, transition.To);
        Assert.Equal(VisitBuilder.PrivateRoom, transition.RoomId);
    }

    [Fact]
    public void StartInAGivenRoomOverridesTheAssignedRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.PrivateRoom).State;

        var transition = AssertAccepted(Decide(state, Command(VisitAction.StartTreatment, room: VisitBuilder.Gym)));

        Assert.Equal(VisitBuilder.Gym, transition.RoomId);
    }

    [Fact]
    public void StartUsesTheGivenTherapist()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);

        var transition = AssertAccepted(Decide(state, Command(VisitAction.StartTreatment, room: VisitBuilder.Gym, therapist: VisitBuilder.OtherTherapist)));

        Assert.Equal(VisitBuilder.OtherTherapist, transition.TherapistId);
    }

    [Fact]
    public void StartKeepsTheBookedTherapistWhenNoneIsGiven()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);

        var transition = AssertAccepted(Decide(state, Command(VisitAction.StartTreatment, room: VisitBuilder.Gym)));

        Assert.Equal(VisitBuilder.BookedTherapist, transition.TherapistId);
    }

    [Theory]
    [InlineData(VisitStatus.Booked)]
    [InlineData(VisitStatus.Arrived)]
    public void StartRefusedBeforeCheckIn(VisitStatus status)
    {
        var decision = Decide(VisitBuilder.In(status), Command(VisitAction.StartTreatment, room: VisitBuilder.Gym));

        var refusal = AssertRefused(decision, RefusalKind.Conflict);
        Assert.Contains("Check the patient in", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FinishKeepsTheRoomAndTherapistOfTheTreatment()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.PrivateRoom, therapist: VisitBuilder.OtherTherapist).State;

        var transition = AssertAccepted(Decide(state, Command(VisitAction.Finish)));

        Assert.Equal(VisitBuilder.PrivateRoom, transition.RoomId);
        Assert.Equal(VisitBuilder.OtherTherapist, transition.TherapistId);
    }

    [Fact]
    public void BookStartsTheVisitWithItsBookingEvent()
    {
        var state = new VisitState();
        var commandId = Guid.NewGuid();
        var booking = VisitBuilder.Booking(commandId: commandId, durationMinutes: 60);

        var evt = VisitLifecycle.Book(state, booking, VisitBuilder.BookedAt);

        Assert.True(state.Exists);
        Assert.Equal(VisitStatus.Booked, state.Status);
        Assert.Equal(VisitBuilder.ClinicId, state.ClinicId);
        Assert.Equal(VisitBuilder.PatientId, state.PatientId);
        Assert.Equal(VisitBuilder.BookedTherapist, state.TherapistId);
        Assert.Equal("follow-up", state.VisitTypeCode);
        Assert.Equal(Start, state.ScheduledStart);
        Assert.Equal(60, state.DurationMinutes);
        Assert.Equal(new DateOnly(2025, 3, 10), state.Date);
        Assert.False(state.WalkIn);
        Assert.Null(state.RoomId);
        Assert.Equal(evt, Assert.Single(state.Events));
        Assert.Equal(new VisitEvent(1, VisitBuilder.BookedAt, "scheduler-1", VisitAction.Book, null, VisitStatus.Booked, null,
            VisitBuilder.BookedTherapist), evt);
        Assert.True(VisitLifecycle.AlreadyApplied(state, commandId));
    }

    [Fact]
    public void BookingAWalkInMarksTheVisitAndTheEvent()
    {
        var state = VisitBuilder.Booked(walkIn: true).State;

        Assert.True(state.WalkIn);
        Assert.Equal("walk-in", state.Events[0].Detail);
    }

    [Fact]
    public void ApplyRecordsWhoWhenFromToRoomAndTherapist()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);
        var at = Start.AddMinutes(3);
        var transition = AssertAccepted(Decide(state, Command(VisitAction.StartTreatment, room: VisitBuilder.Gym, therapist: VisitBuilder.OtherTherapist), at));

        var evt = VisitLifecycle.Apply(state, transition, "therapist-7", Guid.NewGuid(), at);

        Assert.Equal(new VisitEvent(4, at, "therapist-7", VisitAction.StartTreatment, VisitStatus.CheckedIn, VisitStatus.InTreatment,
            VisitBuilder.Gym, VisitBuilder.OtherTherapist), evt);
        Assert.Same(evt, state.Events[^1]);
        Assert.Equal(VisitStatus.InTreatment, state.Status);
        Assert.Equal(VisitBuilder.Gym, state.RoomId);
        Assert.Equal(VisitBuilder.OtherTherapist, state.TherapistId);
    }

    [Fact]
    public void ApplyLeavesCancellationFieldsAloneForOtherActions()
    {
        var state = VisitBuilder.Booked().State;
        state.CancelReason = "kept";
        var transition = new VisitTransition(VisitAction.Arrive, VisitStatus.Arrived, null, VisitBuilder.BookedTherapist, true, "detail");

        VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, null, Start);

        Assert.False(state.LateCancellation);
        Assert.Equal("kept", state.CancelReason);
    }

    [Fact]
    public void EventSequencesIncreaseByOneThroughAWholeVisit()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.PrivateRoom)
            .StartIn(null)
            .Assign(Start.AddMinutes(20), therapist: VisitBuilder.OtherTherapist)
            .Finish().CheckOut().State;

        Assert.Equal(Enumerable.Range(1, 8), state.Events.Select(e => e.Sequence));
        Assert.Equal(
            [VisitAction.Book, VisitAction.Arrive, VisitAction.CheckIn, VisitAction.Assign, VisitAction.StartTreatment,
                VisitAction.Assign, VisitAction.Finish, VisitAction.CheckOut],
            state.Events.Select(e => e.Action));
        Assert.Equal(state.Events.Select(e => e.At).Order(), state.Events.Select(e => e.At));
        Assert.All(state.Events.Skip(1), (e, i) => Assert.Equal(state.Events[i].To, e.From));
    }

    [Fact]
    public void AlreadyAppliedRecognisesAnAppliedCommand()
    {
        var state = VisitBuilder.Booked().State;
        var commandId = Guid.NewGuid();
        var transition = AssertAccepted(Decide(state, Command(VisitAction.Arrive)));

        Assert.False(VisitLifecycle.AlreadyApplied(state, commandId));
        VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, commandId, Start);

        Assert.True(VisitLifecycle.AlreadyApplied(state, commandId));
        Assert.False(VisitLifecycle.AlreadyApplied(state, Guid.NewGuid()));
        Assert.False(VisitLifecycle.AlreadyApplied(state, null));
    }

    [Fact]
    public void ApplyWithoutACommandIdRemembersNothing()
    {
        var state = VisitBuilder.Booked().State;
        var transition = AssertAccepted(Decide(state, Command(VisitAction.Arrive)));

        VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, null, Start);

        Assert.Empty(state.RecentCommandIds);
    }

    [Fact]
    public void RecentCommandIdsKeepOnlyTheNewest()
    {
        var state = VisitBuilder.Booked(commandId: Guid.NewGuid()).State;
        var bookingId = Assert.Single(state.RecentCommandIds);
        var transition = new VisitTransition(VisitAction.Assign, VisitStatus.Booked, null, VisitBuilder.OtherTherapist);
        var ids = Enumerable.Range(0, VisitLifecycle.RecentCommandsKept + 5).Select(_ => Guid.NewGuid()).ToList();

        foreach (var id in ids)
        {
            VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, id, Start);
        }

        Assert.Equal(VisitLifecycle.RecentCommandsKept, state.RecentCommandIds.Count);
        Assert.Equal(ids.Skip(5), state.RecentCommandIds);
        Assert.False(VisitLifecycle.AlreadyApplied(state, bookingId));
        Assert.All(ids.Take(5), id => Assert.False(VisitLifecycle.AlreadyApplied(state, id)));
        Assert.All(ids.Skip(5), id => Assert.True(VisitLifecycle.AlreadyApplied(state, id)));
    }

    [Theory]
    [InlineData(VisitStatus.Booked, false, false)]
    [InlineData(VisitStatus.Arrived, false, false)]
    [InlineData(VisitStatus.CheckedIn, true, false)]
    [InlineData(VisitStatus.InTreatment, true, true)]
    [InlineData(VisitStatus.Finished, false, false)]
    [InlineData(VisitStatus.CheckedOut, false, false)]
    [InlineData(VisitStatus.Cancelled, false, false)]
    [InlineData(VisitStatus.NoShow, false, false)]
    [InlineData(VisitStatus.LeftWithoutBeingSeen, false, false)]
    [InlineData(VisitStatus.EnteredInError, false, false)]
    public void OnlyCheckedInAndTreatedVisitsHoldPlaces(VisitStatus status, bool holdsRoom, bool holdsTherapist)
    {
        Assert.Equal(holdsRoom, VisitLifecycle.HoldsRoom(status));
        Assert.Equal(holdsTherapist, VisitLifecycle.HoldsTherapist(status));
    }

    private static VisitCommand Command(VisitAction action, string? room = null, string? therapist = null, string? reason = null) =>
        new(action, VisitBuilder.Desk, Guid.NewGuid(), room, therapist, reason);

    private static Decision Decide(VisitState state, VisitCommand command, DateTimeOffset? now = null) =>
        VisitLifecycle.Decide(state, command, now ?? Start.AddHours(1), Window);

    private static VisitTransition AssertAccepted(Decision decision)
    {
        Assert.True(decision.Refusal is null, $"Refused: {decision.Refusal?.Message}");
        return Assert.IsType<VisitTransition>(decision.Transition);
    }

    private static Refusal AssertRefused(Decision decision, RefusalKind kind)
    {
        Assert.Null(decision.Transition);
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Equal(kind, refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }
}
