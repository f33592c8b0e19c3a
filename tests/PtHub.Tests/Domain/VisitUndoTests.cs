using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

/// <summary>
/// Taking back a mistaken step: which steps, for how long, by whom, and that the visit derived afterwards is the one
/// it was before the step (times, stays, cancellation marks), while the history keeps both events.
/// </summary>
public sealed class VisitUndoTests
{
    private static readonly DateTimeOffset Start = VisitBuilder.Start;

    public static TheoryData<string, VisitStatus, VisitStatus> UndoableSteps { get; } = new()
    {
        { "arrive", VisitStatus.Arrived, VisitStatus.Booked },
        { "check-in", VisitStatus.CheckedIn, VisitStatus.Arrived },
        { "start", VisitStatus.InTreatment, VisitStatus.CheckedIn },
        { "finish", VisitStatus.Finished, VisitStatus.InTreatment },
        { "cancel", VisitStatus.Cancelled, VisitStatus.Booked },
        { "no-show", VisitStatus.NoShow, VisitStatus.Booked },
        { "left-without-being-seen", VisitStatus.LeftWithoutBeingSeen, VisitStatus.Arrived },
    };

    [Theory]
    [MemberData(nameof(UndoableSteps))]
    public void AStepUndoneWithinTheWindowReturnsTheVisitToTheStatusBeforeIt(string step, VisitStatus after, VisitStatus before)
    {
        var (state, at) = Reach(step);
        Assert.Equal(after, state.Status);

        var transition = Accepted(VisitLifecycle.Decide(state, Undo(), at + VisitLifecycle.UndoWindow, VisitLifecycle.DefaultLateCancelWindow));
        var evt = VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, Guid.NewGuid(), at + VisitLifecycle.UndoWindow);

        Assert.Equal(before, state.Status);
        Assert.Equal(VisitAction.Undo, evt.Action);
        Assert.Equal(after, evt.From);
        Assert.Equal($"undid {step}", evt.Detail);
    }

    [Fact]
    public void AStepIsNoLongerUndoneOnceTheWindowHasPassed()
    {
        var (state, at) = Reach("arrive");

        var refusal = Refused(VisitLifecycle.Decide(state, Undo(), at + VisitLifecycle.UndoWindow + TimeSpan.FromSeconds(1),
            VisitLifecycle.DefaultLateCancelWindow));

        Assert.Contains("within 5 min", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheUserWhoTookTheStepUndoesIt()
    {
        var (state, at) = Reach("check-in");

        var refusal = Refused(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.Undo, "desk-2", Guid.NewGuid()), at,
            VisitLifecycle.DefaultLateCancelWindow));

        Assert.Contains($"Only {VisitBuilder.Desk}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAutomaticNoShowIsUndoneByTheDesk()
    {
        var state = VisitBuilder.Booked().State;
        var at = Start.AddMinutes(16);
        var noShow = Accepted(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.NoShow, "pthub", Guid.NewGuid()), at,
            VisitLifecycle.DefaultLateCancelWindow, TimeSpan.FromMinutes(15)));
        VisitLifecycle.Apply(state, noShow, "pthub", Guid.NewGuid(), at);

        var undo = Accepted(VisitLifecycle.Decide(state, Undo(), at.AddMinutes(1), VisitLifecycle.DefaultLateCancelWindow));

        Assert.Equal(VisitStatus.Booked, undo.To);
    }

    [Fact]
    public void AnAutomaticNoShowTheDeskUndidIsNotMarkedAgainByTheClinicButTheDeskStillMarksOne()
    {
        var state = VisitBuilder.Booked().State;
        var at = Start.AddMinutes(16);
        var grace = TimeSpan.FromMinutes(15);
        var noShow = Accepted(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.NoShow, "pthub", Guid.NewGuid()), at,
            VisitLifecycle.DefaultLateCancelWindow, grace));
        VisitLifecycle.Apply(state, noShow, "pthub", Guid.NewGuid(), at);
        var undo = Accepted(VisitLifecycle.Decide(state, Undo(), at.AddMinutes(1), VisitLifecycle.DefaultLateCancelWindow));
        VisitLifecycle.Apply(state, undo, VisitBuilder.Desk, Guid.NewGuid(), at.AddMinutes(1));

        // A fresh command id: the refusal must not rest on the recent command ids, which roll over.
        var again = Refused(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.NoShow, "pthub", Guid.NewGuid()), at.AddMinutes(2),
            VisitLifecycle.DefaultLateCancelWindow, grace));
        var byDesk = Accepted(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.NoShow, VisitBuilder.Desk, Guid.NewGuid()), at.AddMinutes(2),
            VisitLifecycle.DefaultLateCancelWindow, grace));

        Assert.Equal(RefusalKind.Conflict, again.Kind);
        Assert.Contains("undid", again.Message, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.NoShow, byDesk.To);
    }

    [Fact]
    public void AnUndoIsNotItselfUndoneAndCheckOutBookingAndRoomMovesAreNotUndone()
    {
        var (state, at) = Reach("arrive");
        var undo = Accepted(VisitLifecycle.Decide(state, Undo(), at, VisitLifecycle.DefaultLateCancelWindow));
        VisitLifecycle.Apply(state, undo, VisitBuilder.Desk, Guid.NewGuid(), at);

        Assert.Contains("already undone", Refused(VisitLifecycle.Decide(state, Undo(), at, VisitLifecycle.DefaultLateCancelWindow)).Message,
            StringComparison.Ordinal);
        Assert.Contains("(book)", Refused(VisitLifecycle.Decide(VisitBuilder.Booked(Start).State, Undo(), Start,
            VisitLifecycle.DefaultLateCancelWindow)).Message, StringComparison.Ordinal);

        var checkedOut = VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.Gym).Finish().CheckOut(Start.AddMinutes(55)).State;
        Assert.Contains("(check-out)", Refused(VisitLifecycle.Decide(checkedOut, Undo(), Start.AddMinutes(56),
            VisitLifecycle.DefaultLateCancelWindow)).Message, StringComparison.Ordinal);

        var moved = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), VisitBuilder.Gym).State;
        Assert.Contains("(assign)", Refused(VisitLifecycle.Decide(moved, Undo(), Start.AddMinutes(-4),
            VisitLifecycle.DefaultLateCancelWindow)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWalkInsArrivalIsPartOfItsBookingAndIsNotUndone()
    {
        var state = VisitBuilder.Booked(Start, walkIn: true).State;

        var refusal = Refused(VisitLifecycle.Decide(state, new VisitCommand(VisitAction.Undo, "scheduler-1", Guid.NewGuid()), Start,
            VisitLifecycle.DefaultLateCancelWindow));

        Assert.Contains("entered-in-error", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndoneStartGivesBackTheRoomAndTherapistTheVisitHadBefore()
    {
        var at = Start.AddMinutes(2);
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), VisitBuilder.PrivateRoom)
            .StartIn(VisitBuilder.Gym, at, VisitBuilder.OtherTherapist).State;

        var undo = Accepted(VisitLifecycle.Decide(state, Undo(), at.AddMinutes(1), VisitLifecycle.DefaultLateCancelWindow));
        var places = new PlaceChanges(state, undo);

        Assert.Equal((VisitStatus.CheckedIn, VisitBuilder.PrivateRoom, VisitBuilder.BookedTherapist), (undo.To, undo.RoomId, undo.TherapistId));
        Assert.Equal((VisitBuilder.PrivateRoom, VisitBuilder.Gym, VisitBuilder.OtherTherapist),
            (places.RoomTaken, places.RoomFreed, places.TherapistFreed));
    }

    [Fact]
    public void TheVisitDerivedAfterAnUndoneStepIsTheOneBeforeIt()
    {
        var arrived = Start.AddMinutes(-12);
        var checkedIn = Start.AddMinutes(-8);
        var state = VisitBuilder.Booked().Arrive(arrived).CheckIn(checkedIn).State;
        var before = VisitLifecycle.Snapshot("v", state);
        var started = Start.AddMinutes(2);
        var startedState = VisitBuilder.Booked().Arrive(arrived).CheckIn(checkedIn).StartIn(VisitBuilder.Gym, started).State;

        var undo = Accepted(VisitLifecycle.Decide(startedState, Undo(), started.AddMinutes(3), VisitLifecycle.DefaultLateCancelWindow));
        VisitLifecycle.Apply(startedState, undo, VisitBuilder.Desk, Guid.NewGuid(), started.AddMinutes(3));
        var after = VisitLifecycle.Snapshot("v", startedState);

        Assert.Equal(before.StatusSince, after.StatusSince);
        Assert.Equal(checkedIn, after.StatusSince);
        Assert.Equal(arrived, after.ArrivedAt);
        Assert.Null(after.TreatmentStartedAt);
        Assert.Empty(after.RoomStays);
        Assert.Null(after.RoomedAt);
        Assert.Equal(5, startedState.Events.Count);
    }

    [Fact]
    public void AnUndoneCancellationIsNoLongerLateNorCarriesItsReason()
    {
        var at = Start.AddHours(-2);
        var state = VisitBuilder.Booked().Then(VisitAction.Cancel, at, reason: "Flu").State;
        Assert.True(state.LateCancellation);

        VisitLifecycle.Apply(state, Accepted(VisitLifecycle.Decide(state, Undo(), at.AddMinutes(1), VisitLifecycle.DefaultLateCancelWindow)),
            VisitBuilder.Desk, Guid.NewGuid(), at.AddMinutes(1));

        Assert.Equal(VisitStatus.Booked, state.Status);
        Assert.False(state.LateCancellation);
        Assert.Null(state.CancelReason);
    }

    [Fact]
    public void AReArrivalAfterAnUndoneArrivalCountsFromTheNewArrival()
    {
        var first = Start.AddMinutes(-30);
        var state = VisitBuilder.Booked().Arrive(first).State;
        VisitLifecycle.Apply(state, Accepted(VisitLifecycle.Decide(state, Undo(), first.AddMinutes(1), VisitLifecycle.DefaultLateCancelWindow)),
            VisitBuilder.Desk, Guid.NewGuid(), first.AddMinutes(1));
        var second = Start.AddMinutes(-5);

        var arrived = VisitLifecycle.Decide(state, new VisitCommand(VisitAction.Arrive, VisitBuilder.Desk, Guid.NewGuid()), second,
            VisitLifecycle.DefaultLateCancelWindow);
        VisitLifecycle.Apply(state, Accepted(arrived), VisitBuilder.Desk, Guid.NewGuid(), second);

        Assert.Equal(second, VisitLifecycle.Snapshot("v", state).ArrivedAt);
    }

    private static (VisitState State, DateTimeOffset At) Reach(string step) => step switch
    {
        "arrive" => (VisitBuilder.Booked().Arrive(Start.AddMinutes(-12)).State, Start.AddMinutes(-12)),
        "check-in" => (VisitBuilder.Booked().Arrive().CheckIn(Start.AddMinutes(-8)).State, Start.AddMinutes(-8)),
        "start" => (VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.Gym, Start.AddMinutes(2)).State, Start.AddMinutes(2)),
        "finish" => (VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.Gym).Finish(Start.AddMinutes(47)).State, Start.AddMinutes(47)),
        "cancel" => (VisitBuilder.Booked().Then(VisitAction.Cancel, Start.AddHours(-2), reason: "Flu").State, Start.AddHours(-2)),
        "no-show" => (VisitBuilder.Booked().Then(VisitAction.NoShow, Start.AddMinutes(15)).State, Start.AddMinutes(15)),
        "left-without-being-seen" => (VisitBuilder.Booked().Arrive().Then(VisitAction.LeftWithoutBeingSeen, Start).State, Start),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No such step."),
    };

    private static VisitCommand Undo() => new(VisitAction.Undo, VisitBuilder.Desk, Guid.NewGuid());

    private static VisitTransition Accepted(Decision decision)
    {
        Assert.True(decision.Refusal is null, $"Refused: {decision.Refusal?.Message}");
        return Assert.IsType<VisitTransition>(decision.Transition);
    }

    private static Refusal Refused(Decision decision)
    {
        Assert.Null(decision.Transition);
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        return refusal;
    }
}
