using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class VisitGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private async Task<(string ClinicId, IVisitGrain Visit)> CheckedInVisitAsync(string? clinicId = null, string therapist = "bob")
    {
        string patientId;
        if (clinicId is null)
        {
            (clinicId, patientId) = await TestClinic.CreateAsync(Grains);
        }
        else
        {
            patientId = await TestClinic.AddPatientAsync(Grains, clinicId);
        }

        var config = (await Grains.GetGrain<IClinicGrain>(clinicId).GetConfig())!;
        var day = Grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(Now)));
        var booked = await day.Book(new BookVisitRequest(patientId, therapist, "follow-up", Now, null, false, "test", null,
            OverrideReason: "test: treatment capacity, not the schedule"));
        var visit = Grains.GetGrain<IVisitGrain>(booked.Visit!.VisitId);
        await Expect(visit, VisitAction.Arrive);
        await Expect(visit, VisitAction.CheckIn);
        return (clinicId, visit);
    }

    private static async Task<VisitSnapshot> Expect(IVisitGrain visit, VisitAction action, string? room = null, string? therapist = null)
    {
        var result = await visit.Execute(new VisitCommand(action, "test", RoomId: room, TherapistId: therapist));
        Assert.Null(result.Refusal);
        return result.Visit!;
    }

    private static async Task<Refusal> Refused(IVisitGrain visit, VisitAction action, string? room = null, string? therapist = null)
    {
        var before = await visit.GetSnapshot();
        var result = await visit.Execute(new VisitCommand(action, "test", RoomId: room, TherapistId: therapist));
        Assert.NotNull(result.Refusal);
        Assert.Equal(before, await visit.GetSnapshot());
        return result.Refusal;
    }

    [Fact]
    public async Task PrivateRoomHoldsOnePatient()
    {
        var (clinicId, first) = await CheckedInVisitAsync();
        var (_, second) = await CheckedInVisitAsync(clinicId);
        await Expect(first, VisitAction.StartTreatment, room: "room-1");

        var refusal = await Refused(second, VisitAction.StartTreatment, room: "room-1");

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Contains("Room 1 is full", refusal.Message);
    }

    [Fact]
    public async Task GymTakesPatientsUpToItsCapacity()
    {
        var (clinicId, a) = await CheckedInVisitAsync();
        var (_, b) = await CheckedInVisitAsync(clinicId);
        var (_, c) = await CheckedInVisitAsync(clinicId);
        await Expect(a, VisitAction.Assign, room: "gym");
        await Expect(b, VisitAction.Assign, room: "gym");

        await Refused(c, VisitAction.Assign, room: "gym");

        var load = await Grains.GetGrain<IRoomGrain>(GrainKeys.Room(clinicId, "gym")).GetLoad();
        Assert.Equal(2, load!.VisitIds.Count);
    }

    [Fact]
    public async Task FinishingFreesTheRoomForTheNextPatient()
    {
        var (clinicId, first) = await CheckedInVisitAsync();
        var (_, second) = await CheckedInVisitAsync(clinicId);
        await Expect(first, VisitAction.StartTreatment, room: "room-1");
        await Expect(first, VisitAction.Finish);

        var started = await Expect(second, VisitAction.StartTreatment, room: "room-1");

        Assert.Equal(VisitStatus.InTreatment, started.Status);
        var load = await Grains.GetGrain<IRoomGrain>(GrainKeys.Room(clinicId, "room-1")).GetLoad();
        Assert.Equal([started.VisitId], load!.VisitIds);
    }

    [Fact]
    public async Task TherapistCannotTreatMoreThanTheirOverlapCapacity()
    {
        var (clinicId, first) = await CheckedInVisitAsync(therapist: "ann");
        var (_, second) = await CheckedInVisitAsync(clinicId, therapist: "ann");
        await Expect(first, VisitAction.StartTreatment, room: "gym");

        var refusal = await Refused(second, VisitAction.StartTreatment, room: "room-1");

        Assert.Contains("Ann P., PT", refusal.Message);
        var room = await Grains.GetGrain<IRoomGrain>(GrainKeys.Room(clinicId, "room-1")).GetLoad();
        Assert.Empty(room!.VisitIds);
    }

    [Fact]
    public async Task OutOfServiceRoomCannotBeAssigned()
    {
        var (_, visit) = await CheckedInVisitAsync();

        var refusal = await Refused(visit, VisitAction.Assign, room: "broken");

        Assert.Contains("out of service", refusal.Message);
    }

    [Fact]
    public async Task UnknownRoomAndTherapistAreNotFound()
    {
        var (_, visit) = await CheckedInVisitAsync();

        Assert.Equal(RefusalKind.NotFound, (await Refused(visit, VisitAction.Assign, room: "attic")).Kind);
        Assert.Equal(RefusalKind.NotFound, (await Refused(visit, VisitAction.Assign, therapist: "zed")).Kind);
    }

    [Fact]
    public async Task RepeatedCommandIdAppliesOnce()
    {
        var (_, visit) = await CheckedInVisitAsync();
        var commandId = Guid.NewGuid();
        var command = new VisitCommand(VisitAction.StartTreatment, "test", commandId, RoomId: "gym");

        var first = await visit.Execute(command);
        var again = await visit.Execute(command);

        Assert.Null(again.Refusal);
        Assert.Equal(first.Visit, again.Visit);
        var history = await visit.GetHistory();
        Assert.Single(history!.Events, e => e.Action == VisitAction.StartTreatment);
    }

    [Fact]
    public async Task DoubleTapWithoutCommandIdIsRefusedWithReason()
    {
        var (_, visit) = await CheckedInVisitAsync();
        await Expect(visit, VisitAction.StartTreatment, room: "gym");

        var refusal = await Refused(visit, VisitAction.StartTreatment, room: "gym");

        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
    }

    [Fact]
    public async Task EveryEventReachesTheEventTable()
    {
        var (_, visit) = await CheckedInVisitAsync();
        await Expect(visit, VisitAction.StartTreatment, room: "gym");
        await Expect(visit, VisitAction.Finish);
        await Expect(visit, VisitAction.CheckOut);
        var history = await visit.GetHistory();

        var log = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IVisitEventLog>();
        var rows = await log.ReadVisitAsync(history!.Visit.VisitId, TestContext.Current.CancellationToken);

        Assert.Equal(history.Events.Select(e => (e.Sequence, e.Action.ToCode(), e.To.ToCode())),
            rows.Select(r => (r.Sequence, r.Command, r.ToStatus)));
        Assert.All(rows, r => Assert.Equal("test", r.Actor));
    }

    [Fact]
    public async Task LengthOfStayAndWaitComeFromTheEvents()
    {
        var (_, visit) = await CheckedInVisitAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(12));
        await Expect(visit, VisitAction.StartTreatment, room: "gym");
        fixture.Clock.Advance(TimeSpan.FromMinutes(40));
        await Expect(visit, VisitAction.Finish);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var done = await Expect(visit, VisitAction.CheckOut);

        Assert.Equal(TimeSpan.FromMinutes(12), done.Wait);
        Assert.Equal(TimeSpan.FromMinutes(57), done.LengthOfStay);
    }
}
