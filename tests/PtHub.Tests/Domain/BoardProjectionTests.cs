using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Domain;

public sealed class BoardProjectionTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly AlertThresholds Defaults = new();

    private static readonly ClinicConfig Config = new(
        "Riverside PT",
        "America/Chicago",
        [],
        [new("gym", "Main gym", TreatmentSpaceKind.Gym, 6), new("room-2", "Private 2", TreatmentSpaceKind.Private, 1)],
        [new("pt-1", "Dr. Alvarez", 2)],
        new AlertThresholds(),
        LobbyNamingMode.Initials,
        ClinicConfig.DefaultVisitTypes);

    private static readonly PatientRecord Patient = new(
        "patient-1", new PatientDetails("clinic-1", "Jane", "Doe", new DateOnly(1980, 5, 1), null, null), Start.AddDays(-30));

    [Fact]
    public void DefaultThresholdsFollowTheDomain()
    {
        Assert.Equal(10, Defaults.WaitingMinutes);
        Assert.Equal(15, Defaults.RoomedWithoutTherapistMinutes);
        Assert.Equal(15, Defaults.OverrunMinutes);
    }

    [Fact]
    public void NotArrivedAlertNotRaisedAtTheScheduledStart()
    {
        Assert.Empty(BoardProjection.Alerts(Visit(VisitStatus.Booked), Defaults, Start));
    }

    [Fact]
    public void NotArrivedAlertRaisedOneMinuteAfterTheScheduledStart()
    {
        var alert = Assert.Single(BoardProjection.Alerts(Visit(VisitStatus.Booked), Defaults, Start.AddMinutes(1)));

        Assert.Equal("not-arrived", alert.Code);
        Assert.Contains("1 min past start", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongWaitAlertNotRaisedAtExactlyTheThreshold()
    {
        var visit = Visit(VisitStatus.Arrived, arrivedAt: Start.AddMinutes(-20));

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(-10)));
    }

    [Theory]
    [InlineData(VisitStatus.Arrived)]
    [InlineData(VisitStatus.CheckedIn)]
    public void LongWaitAlertRaisedOneMinuteOverTheThreshold(VisitStatus status)
    {
        var visit = Visit(status, arrivedAt: Start.AddMinutes(-20));

        var alert = Assert.Single(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(-9)));

        Assert.Equal("long-wait", alert.Code);
        Assert.Equal("Waiting over the 10-min limit", alert.Message);
    }

    [Fact]
    public void LongWaitAlertUsesTheClinicsThreshold()
    {
        var visit = Visit(VisitStatus.Arrived, arrivedAt: Start);
        var strict = new AlertThresholds(WaitingMinutes: 5);

        Assert.Empty(BoardProjection.Alerts(visit, strict, Start.AddMinutes(5)));
        Assert.Equal("long-wait", Assert.Single(BoardProjection.Alerts(visit, strict, Start.AddMinutes(6))).Code);
    }

    [Fact]
    public void LongWaitAlertGivesWayToNoTherapistOnceRoomed()
    {
        var visit = Visit(VisitStatus.CheckedIn, arrivedAt: Start.AddMinutes(-30), roomId: "gym", roomedAt: Start.AddMinutes(-5));

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start));
    }

    [Fact]
    public void NoTherapistAlertNotRaisedAtExactlyTheThreshold()
    {
        var visit = Visit(VisitStatus.CheckedIn, arrivedAt: Start.AddMinutes(-30), roomId: "gym", roomedAt: Start);

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(15)));
    }

    [Fact]
    public void NoTherapistAlertRaisedOneMinuteOverTheThreshold()
    {
        var visit = Visit(VisitStatus.CheckedIn, arrivedAt: Start.AddMinutes(-30), roomId: "gym", roomedAt: Start);

        var alert = Assert.Single(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(16)));

        Assert.Equal("no-therapist", alert.Code);
        Assert.Equal("In a room without a therapist over the 15-min limit", alert.Message);
    }

    [Fact]
    public void OverTimeAlertNotRaisedAtExactlyDurationPlusThreshold()
    {
        var visit = Visit(VisitStatus.InTreatment, arrivedAt: Start.AddMinutes(-10), roomId: "gym", roomedAt: Start, startedAt: Start);

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(45 + 15)));
    }

    [Fact]
    public void OverTimeAlertRaisedOneMinuteOverDurationPlusThreshold()
    {
        var visit = Visit(VisitStatus.InTreatment, arrivedAt: Start.AddMinutes(-10), roomId: "gym", roomedAt: Start, startedAt: Start);

        var alert = Assert.Single(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(45 + 16)));

        Assert.Equal("over-time", alert.Code);
        Assert.Contains("16 min over the scheduled 45 min", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverTimeAlertCountsFromTheActualStartNotTheScheduledOne()
    {
        var visit = Visit(VisitStatus.InTreatment, arrivedAt: Start, roomId: "gym", roomedAt: Start.AddMinutes(20),
            startedAt: Start.AddMinutes(20));

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(80)));
        Assert.Single(BoardProjection.Alerts(visit, Defaults, Start.AddMinutes(81)));
    }

    [Theory]
    [InlineData(VisitStatus.Finished)]
    [InlineData(VisitStatus.CheckedOut)]
    [InlineData(VisitStatus.Cancelled)]
    [InlineData(VisitStatus.NoShow)]
    [InlineData(VisitStatus.LeftWithoutBeingSeen)]
    [InlineData(VisitStatus.EnteredInError)]
    public void VisitsOffTheFloorRaiseNoAlerts(VisitStatus status)
    {
        var visit = Visit(status, arrivedAt: Start.AddMinutes(-10), roomId: "gym", startedAt: Start);

        Assert.Empty(BoardProjection.Alerts(visit, Defaults, Start.AddHours(5)));
    }

    [Fact]
    public void RowShowsNamesRoomAndTimeInStatus()
    {
        var visit = Visit(VisitStatus.CheckedIn, arrivedAt: Start.AddMinutes(-12), roomId: "room-2", roomedAt: Start.AddMinutes(-3),
            statusSince: Start.AddMinutes(-8));

        var row = BoardProjection.Row(visit, Patient, Config, Start.AddSeconds(90));

        Assert.Equal("visit-1", row.VisitId);
        Assert.Equal(Start, row.ScheduledStart);
        Assert.Equal(45, row.DurationMinutes);
        Assert.Equal("Follow-up", row.VisitType);
        Assert.Equal("patient-1", row.PatientId);
        Assert.Equal("Doe, Jane", row.PatientName);
        Assert.Equal("pt-1", row.TherapistId);
        Assert.Equal("Dr. Alvarez", row.TherapistName);
        Assert.Equal("room-2", row.RoomId);
        Assert.Equal("Private 2", row.RoomName);
        Assert.Equal(VisitStatus.CheckedIn, row.Status);
        Assert.Equal(Start.AddMinutes(-8), row.StatusSince);
        Assert.Equal(Start.AddMinutes(-12), row.ArrivedAt);
        Assert.False(row.WalkIn);
        Assert.Empty(row.Alerts);
    }

    [Fact]
    public void RowCarriesTheVisitsAlerts()
    {
        var visit = Visit(VisitStatus.Arrived, arrivedAt: Start.AddMinutes(-20), statusSince: Start.AddMinutes(-20));

        var row = BoardProjection.Row(visit, Patient, Config, Start);

        Assert.Equal("long-wait", Assert.Single(row.Alerts).Code);
    }

    [Fact]
    public void RowFallsBackToIdsWhenTheConfigurationDoesNotKnowThem()
    {
        var visit = Visit(VisitStatus.CheckedIn, roomId: "pool", roomedAt: Start) with
        {
            TherapistId = "pt-9",
            VisitTypeCode = "aquatic",
            WalkIn = true,
        };

        var row = BoardProjection.Row(visit, null, Config, Start);

        Assert.Equal("(unknown patient)", row.PatientName);
        Assert.Equal("pt-9", row.TherapistName);
        Assert.Equal("aquatic", row.VisitType);
        Assert.Equal("pool", row.RoomId);
        Assert.Null(row.RoomName);
        Assert.True(row.WalkIn);
    }

    [Fact]
    public void RowWithoutARoomHasNoRoomName()
    {
        var row = BoardProjection.Row(Visit(VisitStatus.Booked), Patient, Config, Start);

        Assert.Null(row.RoomId);
        Assert.Null(row.RoomName);
    }

    [Fact]
    public void RowCarriesTheTicketAndEstimatedWaitItIsGiven()
    {
        var visit = Visit(VisitStatus.Arrived, arrivedAt: Start.AddMinutes(-2), statusSince: Start.AddMinutes(-2));

        var plain = BoardProjection.Row(visit, Patient, Config, Start);
        var withQueue = BoardProjection.Row(visit, Patient, Config, Start, ticket: 7, estimatedWaitMinutes: 12);

        Assert.Null(plain.Ticket);
        Assert.Null(plain.EstimatedWaitMinutes);
        Assert.Equal(7, withQueue.Ticket);
        Assert.Equal(12, withQueue.EstimatedWaitMinutes);
    }

    [Fact]
    public void RowIsEqualWhenNothingAboutTheVisitChanged()
    {
        var visit = Visit(VisitStatus.Arrived, arrivedAt: Start.AddMinutes(-5), statusSince: Start.AddMinutes(-5));

        // The wait itself is counted on the screen; the row changes when an alert or an allowed step does.
        Assert.Equal(BoardProjection.Row(visit, Patient, Config, Start), BoardProjection.Row(visit, Patient, Config, Start.AddMinutes(4)));
        Assert.NotEqual(BoardProjection.Row(visit, Patient, Config, Start), BoardProjection.Row(visit, Patient, Config, Start.AddMinutes(6)));
    }

    private static VisitSnapshot Visit(
        VisitStatus status,
        DateTimeOffset? arrivedAt = null,
        string? roomId = null,
        DateTimeOffset? roomedAt = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? statusSince = null) =>
        new("visit-1", "clinic-1", "patient-1", new DateOnly(2025, 3, 10), "follow-up", Start, 45, status,
            statusSince ?? Start.AddDays(-1), "pt-1", roomId, arrivedAt, startedAt, null, null, false, false, null, 3, roomedAt, []);
}
