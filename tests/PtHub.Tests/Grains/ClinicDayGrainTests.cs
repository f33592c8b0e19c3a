using System.Text.Json;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ClinicDayGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string ClinicId, string PatientId, IClinicDayGrain Day, IClinicDayLiveGrain Live)> DayAsync()
    {
        var (clinicId, patientId) = await TestClinic.CreateAsync(Grains);
        var config = TestClinic.Config();
        var key = GrainKeys.ClinicDay(clinicId, config.LocalDate(fixture.Clock.GetUtcNow()));
        return (clinicId, patientId, Grains.GetGrain<IClinicDayGrain>(key), Grains.GetGrain<IClinicDayLiveGrain>(key));
    }

    private BookVisitRequest Booking(string patientId, string therapist = "bob", string type = "follow-up", int minutesFromNow = 30) =>
        new(patientId, therapist, type, fixture.Clock.GetUtcNow().AddMinutes(minutesFromNow), null, false, "test", null);

    [Fact]
    public async Task BoardIsRebuiltFromTheVisitsAfterTheDayGrainDeactivates()
    {
        var (clinicId, patientId, day, live) = await DayAsync();
        var booked = await day.Book(Booking(patientId));
        var arrived = (await Grains.GetGrain<IVisitGrain>(booked.Visit!.VisitId).Execute(new VisitCommand(VisitAction.Arrive, "test"))).Visit!;
        await live.QuoteWait(arrived); // as the arrive endpoint does: the board has taken the arrival when it answers
        var before = await live.GetBoard();

        await fixture.Cluster.DeactivateAsync(((GrainReference)live).GrainId);
        await fixture.Cluster.DeactivateAsync(((GrainReference)day).GrainId);
        var after = await live.GetBoard();

        Assert.Equal(JsonSerializer.Serialize(before.Rows), JsonSerializer.Serialize(after.Rows));
        Assert.Equal(VisitStatus.Arrived, Assert.Single(after.Rows).Status);
        Assert.True(after.Version > before.Version, "a rebuilt board must carry a higher version");
        Assert.Equal(clinicId, after.ClinicId);
    }

    [Fact]
    public async Task CancelledVisitTakenBackShowsItsPatientsInsuranceAlertsAgain()
    {
        // The day holds a patient whose visits are all closed by name only; a visit open again must bring back the rest.
        var (_, patientId, day, live) = await DayAsync();
        await Grains.GetGrain<IPatientGrain>(patientId).SetCoverage(
            new Coverage("Acme Health", null, "A-1", BillingMethod.Cms, 25m, false, VerificationStatus.Unverified, null, null));
        var booked = await day.Book(Booking(patientId));
        var visit = Grains.GetGrain<IVisitGrain>(booked.Visit!.VisitId);
        Assert.Contains(Assert.Single((await live.GetBoard()).Rows).Alerts, a => a.Code == "insurance-unverified");

        var cancelled = (await visit.Execute(new VisitCommand(VisitAction.Cancel, "test", Reason: "Called in sick"))).Visit!;
        await live.QuoteWait(cancelled);
        var cancelledRow = Assert.Single((await live.GetBoard()).Rows);
        Assert.Equal(VisitStatus.Cancelled, cancelledRow.Status);
        Assert.Equal("Doe, Jane", cancelledRow.PatientName);
        Assert.Empty(cancelledRow.Alerts);

        var undone = (await visit.Execute(new VisitCommand(VisitAction.Undo, "test"))).Visit!;
        await live.QuoteWait(undone);
        var row = Assert.Single((await live.GetBoard()).Rows);
        Assert.Equal(VisitStatus.Booked, row.Status);
        Assert.Contains(row.Alerts, a => a.Code == "insurance-unverified");
    }

    [Fact]
    public async Task BookingTakesTheVisitTypesDefaultDurationAndShowsOnTheBoard()
    {
        var (_, patientId, day, live) = await DayAsync();

        var booked = await day.Book(Booking(patientId, type: "initial-evaluation"));

        Assert.Equal(60, booked.Visit!.DurationMinutes);
        var row = Assert.Single((await live.GetBoard()).Rows);
        Assert.Equal("Doe, Jane", row.PatientName);
        Assert.Equal("Bob Q., PTA", row.TherapistName);
        Assert.Equal("Initial evaluation", row.VisitType);
    }

    [Fact]
    public async Task WalkInIsBookedForNowAndArrivesAtOnce()
    {
        var (_, patientId, day, live) = await DayAsync();

        var result = await day.Book(Booking(patientId, minutesFromNow: 0) with { WalkIn = true });

        Assert.Equal(VisitStatus.Arrived, result.Visit!.Status);
        var row = Assert.Single((await live.GetBoard()).Rows);
        Assert.True(row.WalkIn);
        Assert.Equal(VisitStatus.Arrived, row.Status);
    }

    [Fact]
    public async Task WalkInIsBookedAndArrivedInOneVisitWrite()
    {
        var (_, patientId, day, live) = await DayAsync();

        var result = await day.Book(Booking(patientId, minutesFromNow: 0) with { WalkIn = true, CommandId = Guid.NewGuid() });

        var history = (await Grains.GetGrain<IVisitGrain>(result.Visit!.VisitId).GetHistory())!;
        Assert.Equal([VisitAction.Book, VisitAction.Arrive], history.Events.Select(e => e.Action));
        Assert.Equal((VisitStatus?)VisitStatus.Booked, history.Events[1].From);
        Assert.Equal(VisitStatus.Arrived, history.Events[1].To);
        Assert.Equal(history.Events[0].At, history.Events[1].At);
        Assert.Equal(2, history.Visit.Version);
        var row = Assert.Single((await live.GetBoard()).Rows);
        Assert.Equal(VisitStatus.Arrived, row.Status);
        Assert.NotNull(row.Ticket);
    }

    [Fact]
    public async Task BookingWithTheSameCommandIdCreatesOneVisit()
    {
        var (_, patientId, day, live) = await DayAsync();
        var request = Booking(patientId) with { CommandId = Guid.NewGuid() };

        var first = await day.Book(request);
        var second = await day.Book(request);

        Assert.Equal(first.Visit!.VisitId, second.Visit!.VisitId);
        Assert.Single((await live.GetBoard()).Rows);
    }

    [Theory]
    [InlineData("zed", "follow-up", RefusalKind.NotFound)]
    [InlineData("bob", "massage", RefusalKind.Invalid)]
    public async Task BookingRefusesUnknownTherapistOrVisitType(string therapist, string type, RefusalKind kind)
    {
        var (_, patientId, day, live) = await DayAsync();

        var result = await day.Book(Booking(patientId, therapist, type));

        Assert.Equal(kind, result.Refusal!.Kind);
        Assert.Empty((await live.GetBoard()).Rows);
    }

    [Fact]
    public async Task BookingRefusesAPatientOfAnotherClinic()
    {
        var (_, _, day, _) = await DayAsync();
        var (otherClinic, _) = await TestClinic.CreateAsync(Grains);
        var stranger = await TestClinic.AddPatientAsync(Grains, otherClinic);

        var result = await day.Book(Booking(stranger));

        Assert.Equal(RefusalKind.NotFound, result.Refusal!.Kind);
    }

    [Fact]
    public async Task BookingRefusesAStartOnAnotherDay()
    {
        var (_, patientId, day, live) = await DayAsync();

        var result = await day.Book(Booking(patientId, minutesFromNow: 60 * 30));

        Assert.Equal(RefusalKind.Invalid, result.Refusal!.Kind);
    }
}
