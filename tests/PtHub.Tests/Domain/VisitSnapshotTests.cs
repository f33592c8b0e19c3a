using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

public sealed class VisitSnapshotTests
{
    private static readonly DateTimeOffset Start = VisitBuilder.Start;

    [Fact]
    public void BookedVisitHasOnlyItsBookingTime()
    {
        var snapshot = VisitLifecycle.Snapshot("visit-1", VisitBuilder.Booked().State);

        Assert.Equal("visit-1", snapshot.VisitId);
        Assert.Equal(VisitBuilder.ClinicId, snapshot.ClinicId);
        Assert.Equal(VisitBuilder.PatientId, snapshot.PatientId);
        Assert.Equal(new DateOnly(2025, 3, 10), snapshot.Date);
        Assert.Equal("follow-up", snapshot.VisitTypeCode);
        Assert.Equal(Start, snapshot.ScheduledStart);
        Assert.Equal(45, snapshot.DurationMinutes);
        Assert.Equal(VisitStatus.Booked, snapshot.Status);
        Assert.Equal(VisitBuilder.BookedAt, snapshot.StatusSince);
        Assert.Equal(VisitBuilder.BookedTherapist, snapshot.TherapistId);
        Assert.Null(snapshot.RoomId);
        Assert.Null(snapshot.ArrivedAt);
        Assert.Null(snapshot.TreatmentStartedAt);
        Assert.Null(snapshot.TreatmentFinishedAt);
        Assert.Null(snapshot.CheckedOutAt);
        Assert.Null(snapshot.RoomedAt);
        Assert.Null(snapshot.LengthOfStay);
        Assert.Null(snapshot.Wait);
        Assert.False(snapshot.WalkIn);
        Assert.False(snapshot.IsClosed);
        Assert.Equal(1, snapshot.Version);
    }

    [Fact]
    public void CompletedVisitDerivesEveryTimeFromItsEvents()
    {
        var state = VisitBuilder.Booked()
            .Arrive(Start.AddMinutes(-12))
            .CheckIn(Start.AddMinutes(-8))
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.PrivateRoom)
            .StartIn(null, Start.AddMinutes(2))
            .Assign(Start.AddMinutes(20), therapist: VisitBuilder.OtherTherapist)
            .Finish(Start.AddMinutes(47))
            .CheckOut(Start.AddMinutes(55))
            .State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(VisitStatus.CheckedOut, snapshot.Status);
        Assert.Equal(Start.AddMinutes(-12), snapshot.ArrivedAt);
        Assert.Equal(Start.AddMinutes(2), snapshot.TreatmentStartedAt);
        Assert.Equal(Start.AddMinutes(47), snapshot.TreatmentFinishedAt);
        Assert.Equal(Start.AddMinutes(55), snapshot.CheckedOutAt);
        Assert.Equal(Start.AddMinutes(55), snapshot.StatusSince);
        Assert.Equal(TimeSpan.FromMinutes(67), snapshot.LengthOfStay);
        Assert.Equal(TimeSpan.FromMinutes(14), snapshot.Wait);
        Assert.Equal(VisitBuilder.OtherTherapist, snapshot.TherapistId);
        Assert.Equal(VisitBuilder.PrivateRoom, snapshot.RoomId);
        Assert.Null(snapshot.RoomedAt);
        Assert.True(snapshot.IsClosed);
        Assert.Equal(8, snapshot.Version);
    }

    [Fact]
    public void StatusSinceIgnoresAssignmentsThatKeepTheStatus()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .StartIn(VisitBuilder.Gym, Start.AddMinutes(1))
            .Assign(Start.AddMinutes(15), room: VisitBuilder.PrivateRoom)
            .Assign(Start.AddMinutes(25), therapist: VisitBuilder.OtherTherapist)
            .State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(Start.AddMinutes(1), snapshot.StatusSince);
        Assert.Equal(Start.AddMinutes(1), snapshot.TreatmentStartedAt);
    }

    [Fact]
    public void StatusSinceIsTheLastStatusChange()
    {
        var state = VisitBuilder.Booked().Arrive(Start.AddMinutes(-12)).CheckIn(Start.AddMinutes(-4)).State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(Start.AddMinutes(-4), snapshot.StatusSince);
        Assert.Equal(Start.AddMinutes(-12), snapshot.ArrivedAt);
        Assert.Null(snapshot.Wait);
    }

    [Fact]
    public void RoomedAtIsWhenACheckedInPatientWasPutInTheRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym).State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(VisitStatus.CheckedIn, snapshot.Status);
        Assert.Equal(Start.AddMinutes(-5), snapshot.RoomedAt);
        Assert.Equal(VisitBuilder.Gym, snapshot.RoomId);
    }

    [Fact]
    public void RoomedAtIsNullForACheckedInPatientStillInTheLobby()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().Assign(Start.AddMinutes(-5), therapist: VisitBuilder.OtherTherapist).State;

        Assert.Null(VisitLifecycle.Snapshot("visit-1", state).RoomedAt);
    }

    [Fact]
    public void RoomedAtSurvivesATherapistChange()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym)
            .Assign(Start.AddMinutes(-2), therapist: VisitBuilder.OtherTherapist)
            .State;

        Assert.Equal(Start.AddMinutes(-5), VisitLifecycle.Snapshot("visit-1", state).RoomedAt);
    }

    [Fact]
    public void RoomedAtIsTheStartWhenTreatmentStartsInAFreshRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.Gym, Start.AddMinutes(3)).State;

        Assert.Equal(Start.AddMinutes(3), VisitLifecycle.Snapshot("visit-1", state).RoomedAt);
    }

    [Fact]
    public void RoomedAtKeepsTheRoomingTimeWhenTreatmentStartsInTheSameRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym)
            .StartIn(null, Start.AddMinutes(3))
            .State;

        Assert.Equal(Start.AddMinutes(-5), VisitLifecycle.Snapshot("visit-1", state).RoomedAt);
    }

    [Fact]
    public void RoomedAtFollowsARoomMoveDuringTreatment()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .StartIn(VisitBuilder.Gym, Start.AddMinutes(3))
            .Assign(Start.AddMinutes(30), room: VisitBuilder.PrivateRoom)
            .State;

        Assert.Equal(Start.AddMinutes(30), VisitLifecycle.Snapshot("visit-1", state).RoomedAt);
    }

    [Theory]
    [InlineData(VisitStatus.Finished)]
    [InlineData(VisitStatus.CheckedOut)]
    public void RoomedAtIsNullOnceTheRoomIsLeft(VisitStatus status)
    {
        var snapshot = VisitLifecycle.Snapshot("visit-1", VisitBuilder.In(status));

        Assert.Equal(VisitBuilder.Gym, snapshot.RoomId);
        Assert.Null(snapshot.RoomedAt);
    }

    [Theory]
    [InlineData(VisitStatus.Booked)]
    [InlineData(VisitStatus.Arrived)]
    [InlineData(VisitStatus.CheckedIn)]
    [InlineData(VisitStatus.Cancelled)]
    [InlineData(VisitStatus.NoShow)]
    public void VisitNeverRoomedHasNoRoomStays(VisitStatus status)
    {
        Assert.Empty(VisitLifecycle.Snapshot("visit-1", VisitBuilder.In(status)).RoomStays);
    }

    [Fact]
    public void RoomStayIsOpenWhileThePatientIsInTheRoom()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn().StartIn(VisitBuilder.Gym, Start.AddMinutes(3)).State;

        var stay = Assert.Single(VisitLifecycle.Snapshot("visit-1", state).RoomStays);

        Assert.Equal(new RoomStay(VisitBuilder.Gym, Start.AddMinutes(3), null), stay);
    }

    [Fact]
    public void RoomStaysFollowEveryMoveAndCloseWhenTreatmentFinishes()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.PrivateRoom)
            .StartIn(null, Start.AddMinutes(2))
            .Assign(Start.AddMinutes(20), therapist: VisitBuilder.OtherTherapist)
            .Assign(Start.AddMinutes(30), room: VisitBuilder.Gym)
            .Finish(Start.AddMinutes(47))
            .CheckOut(Start.AddMinutes(55))
            .State;

        var stays = VisitLifecycle.Snapshot("visit-1", state).RoomStays;

        Assert.Equal(
            [
                new RoomStay(VisitBuilder.PrivateRoom, Start.AddMinutes(-5), Start.AddMinutes(30)),
                new RoomStay(VisitBuilder.Gym, Start.AddMinutes(30), Start.AddMinutes(47)),
            ],
            stays);
    }

    [Fact]
    public void RoomStayClosesWhenARoomedPatientLeavesWithoutBeingSeen()
    {
        var state = VisitBuilder.Booked().Arrive().CheckIn()
            .Assign(Start.AddMinutes(-5), room: VisitBuilder.Gym)
            .Then(VisitAction.LeftWithoutBeingSeen, Start.AddMinutes(25))
            .State;

        var stay = Assert.Single(VisitLifecycle.Snapshot("visit-1", state).RoomStays);

        Assert.Equal(new RoomStay(VisitBuilder.Gym, Start.AddMinutes(-5), Start.AddMinutes(25)), stay);
    }

    [Fact]
    public void LeftWithoutBeingSeenHasAnArrivalButNoWait()
    {
        var state = VisitBuilder.Booked().Arrive(Start.AddMinutes(-12))
            .Then(VisitAction.LeftWithoutBeingSeen, Start.AddMinutes(25)).State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(Start.AddMinutes(-12), snapshot.ArrivedAt);
        Assert.Equal(Start.AddMinutes(25), snapshot.StatusSince);
        Assert.Null(snapshot.TreatmentStartedAt);
        Assert.Null(snapshot.Wait);
        Assert.Null(snapshot.LengthOfStay);
        Assert.True(snapshot.IsClosed);
    }

    [Fact]
    public void CancelledVisitCarriesLateFlagAndReason()
    {
        var state = VisitBuilder.Booked().Then(VisitAction.Cancel, Start.AddHours(-2), reason: "Flu").State;

        var snapshot = VisitLifecycle.Snapshot("visit-1", state);

        Assert.Equal(VisitStatus.Cancelled, snapshot.Status);
        Assert.True(snapshot.LateCancellation);
        Assert.Equal("Flu", snapshot.CancelReason);
        Assert.Equal(Start.AddHours(-2), snapshot.StatusSince);
        Assert.True(snapshot.IsClosed);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public void WalkInIsShownOnTheSnapshot()
    {
        var snapshot = VisitLifecycle.Snapshot("visit-1", VisitBuilder.Booked(walkIn: true).State);

        Assert.True(snapshot.WalkIn);
    }

    [Fact]
    public void LengthOfStayAndWaitNeedBothEnds()
    {
        var snapshot = VisitLifecycle.Snapshot("visit-1", VisitBuilder.In(VisitStatus.Booked)) with
        {
            ArrivedAt = Start,
            TreatmentStartedAt = null,
            CheckedOutAt = null,
        };

        Assert.Null(snapshot.Wait);
        Assert.Null(snapshot.LengthOfStay);
        Assert.Equal(TimeSpan.FromMinutes(9), (snapshot with { TreatmentStartedAt = Start.AddMinutes(9) }).Wait);
        Assert.Equal(TimeSpan.FromMinutes(70), (snapshot with { CheckedOutAt = Start.AddMinutes(70) }).LengthOfStay);
    }
}
