using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

public sealed class PlaceChangesTests
{
    private static readonly DateTimeOffset Start = VisitBuilder.Start;

    [Fact]
    public void StartingTreatmentTakesTheRoomAndTherapist()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);

        var places = Changes(state, VisitAction.StartTreatment, room: VisitBuilder.Gym);

        Assert.Equal(VisitBuilder.Gym, places.RoomTaken);
        Assert.Null(places.RoomFreed);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void StartingTreatmentInTheAssignedRoomTakesOnlyTheTherapist()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym).State;

        var places = Changes(state, VisitAction.StartTreatment);

        Assert.Null(places.RoomTaken);
        Assert.Null(places.RoomFreed);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void StartingTreatmentInAnotherRoomMovesOutOfTheAssignedRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym).State;

        var places = Changes(state, VisitAction.StartTreatment, room: VisitBuilder.PrivateRoom, therapist: VisitBuilder.OtherTherapist);

        Assert.Equal(VisitBuilder.PrivateRoom, places.RoomTaken);
        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Equal(VisitBuilder.OtherTherapist, places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void RoomingACheckedInPatientTakesTheRoomButNoTherapist()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);

        var places = Changes(state, VisitAction.Assign, room: VisitBuilder.Gym);

        Assert.Equal(VisitBuilder.Gym, places.RoomTaken);
        Assert.Null(places.RoomFreed);
        Assert.Null(places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void ChangingTheTherapistBeforeTreatmentTakesNoPlaces()
    {
        var state = VisitBuilder.In(VisitStatus.CheckedIn);

        var places = Changes(state, VisitAction.Assign, therapist: VisitBuilder.OtherTherapist);

        AssertNoChange(places);
    }

    [Fact]
    public void MovingRoomsDuringTreatmentTakesTheNewRoomAndFreesTheOld()
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var places = Changes(state, VisitAction.Assign, room: VisitBuilder.PrivateRoom);

        Assert.Equal(VisitBuilder.PrivateRoom, places.RoomTaken);
        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Null(places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void ChangingTherapistDuringTreatmentTakesTheNewAndFreesTheOld()
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var places = Changes(state, VisitAction.Assign, therapist: VisitBuilder.OtherTherapist);

        Assert.Null(places.RoomTaken);
        Assert.Null(places.RoomFreed);
        Assert.Equal(VisitBuilder.OtherTherapist, places.TherapistTaken);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistFreed);
    }

    [Fact]
    public void MovingRoomAndTherapistTogetherSwapsBoth()
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var places = Changes(state, VisitAction.Assign, room: VisitBuilder.PrivateRoom, therapist: VisitBuilder.OtherTherapist);

        Assert.Equal(VisitBuilder.PrivateRoom, places.RoomTaken);
        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Equal(VisitBuilder.OtherTherapist, places.TherapistTaken);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistFreed);
    }

    [Fact]
    public void FinishingFreesTheRoomAndTherapist()
    {
        var state = VisitBuilder.In(VisitStatus.InTreatment);

        var places = Changes(state, VisitAction.Finish);

        Assert.Null(places.RoomTaken);
        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Null(places.TherapistTaken);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistFreed);
    }

    [Fact]
    public void LeavingWithoutBeingSeenFromARoomFreesTheRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym).State;

        var places = Changes(state, VisitAction.LeftWithoutBeingSeen);

        Assert.Null(places.RoomTaken);
        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Null(places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }

    [Fact]
    public void LeavingWithoutBeingSeenFromTheLobbyFreesNothing()
    {
        var places = Changes(VisitBuilder.In(VisitStatus.CheckedIn), VisitAction.LeftWithoutBeingSeen);

        AssertNoChange(places);
    }

    [Fact]
    public void EnteredInErrorDuringTreatmentFreesTheRoomAndTherapist()
    {
        var places = Changes(VisitBuilder.In(VisitStatus.InTreatment), VisitAction.EnteredInError, reason: "Wrong patient");

        Assert.Equal(VisitBuilder.Gym, places.RoomFreed);
        Assert.Equal(VisitBuilder.BookedTherapist, places.TherapistFreed);
        Assert.Null(places.RoomTaken);
        Assert.Null(places.TherapistTaken);
    }

    [Theory]
    [InlineData(VisitStatus.Booked, VisitAction.Arrive)]
    [InlineData(VisitStatus.Arrived, VisitAction.CheckIn)]
    [InlineData(VisitStatus.Finished, VisitAction.CheckOut)]
    [InlineData(VisitStatus.Booked, VisitAction.NoShow)]
    [InlineData(VisitStatus.CheckedOut, VisitAction.EnteredInError)]
    public void TransitionsAwayFromTheFloorTakeAndFreeNothing(VisitStatus status, VisitAction action)
    {
        var places = Changes(VisitBuilder.In(status), action);

        AssertNoChange(places);
    }

    [Fact]
    public void TransitionHoldsARoomOnlyWhenItNamesOneInAHoldingStatus()
    {
        Assert.False(new VisitTransition(VisitAction.CheckIn, VisitStatus.CheckedIn, null, VisitBuilder.BookedTherapist).HoldsRoom);
        Assert.True(new VisitTransition(VisitAction.Assign, VisitStatus.CheckedIn, VisitBuilder.Gym, VisitBuilder.BookedTherapist).HoldsRoom);
        Assert.False(new VisitTransition(VisitAction.Finish, VisitStatus.Finished, VisitBuilder.Gym, VisitBuilder.BookedTherapist).HoldsRoom);
        Assert.True(new VisitTransition(VisitAction.StartTreatment, VisitStatus.InTreatment, VisitBuilder.Gym, VisitBuilder.BookedTherapist).HoldsTherapist);
        Assert.False(new VisitTransition(VisitAction.Assign, VisitStatus.CheckedIn, VisitBuilder.Gym, VisitBuilder.BookedTherapist).HoldsTherapist);
    }

    private static PlaceChanges Changes(VisitState state, VisitAction action, string? room = null, string? therapist = null, string? reason = null)
    {
        var command = new VisitCommand(action, VisitBuilder.Desk, Guid.NewGuid(), room, therapist, reason);
        var decision = VisitLifecycle.Decide(state, command, Start.AddHours(1), VisitLifecycle.DefaultLateCancelWindow);
        Assert.True(decision.Transition is not null, decision.Refusal?.Message);
        return new PlaceChanges(state, decision.Transition);
    }

    private static void AssertNoChange(PlaceChanges places)
    {
        Assert.Null(places.RoomTaken);
        Assert.Null(places.RoomFreed);
        Assert.Null(places.TherapistTaken);
        Assert.Null(places.TherapistFreed);
    }
}
