using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PtHub.Grains.Contracts;
using PtHub.Tests.Infrastructure;
using PtHub.Web.Demo;

namespace PtHub.Tests.Demo;

/// <summary>The embedded default's demo clinic goes on by itself: its front desk moves the day along the clinic clock.</summary>
public sealed class DemoFrontDeskTests
{
    [Fact]
    public async Task TheDemoDayMovesOnAndANewDayIsBookedOnceTheClinicOpens()
    {
        var zone = TimeZoneInfo.Local;
        var tomorrow = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(1), DateTimeKind.Unspecified);
        var clock = new FakeTimeProvider(new DateTimeOffset(tomorrow.AddHours(10), zone.GetUtcOffset(tomorrow.AddHours(10))));
        await using var node = await AppNode.StartAsync(
            [("PtHub:Storage", "Sqlite"), ("PtHub:SqlitePath", TempPaths.NewDatabase()), ("PtHub:SeedDemo", "true"), ("PtHub:DemoPulseSeconds", "0"),
             ("PtHub:Security:SessionMaxHours", "168"), ("PtHub:Security:SessionIdleMinutes", "1440")],
            builder => builder.Services.AddKeyedSingleton<TimeProvider>(PtHub.Grains.Clock.Key, clock));
        var desk = node.Services.GetRequiredService<DemoFrontDesk>();
        var before = await BoardAsync(node, clock);

        for (var minute = 0; minute < 180; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await desk.PulseAsync();
        }

        var after = await BoardAsync(node, clock);
        Assert.True(Count(after, VisitStatus.CheckedOut) >= Count(before, VisitStatus.CheckedOut) + 10,
            $"checked out: {Count(before, VisitStatus.CheckedOut)} before, {Count(after, VisitStatus.CheckedOut)} after");
        Assert.All(after.Rows.Where(r => r.Status == VisitStatus.InTreatment), r => Assert.NotNull(r.RoomId));
        Assert.All(after.Rows.Where(r => r.Status == VisitStatus.Finished), r => Assert.True(clock.GetUtcNow() - r.StatusSince <= TimeSpan.FromMinutes(3)));
        Assert.Contains(after.Rows.SelectMany(r => r.Status == VisitStatus.CheckedOut ? [r.VisitId] : Array.Empty<string>()),
            id => before.Rows.Single(r => r.VisitId == id).Status == VisitStatus.Booked);

        // The next morning: nothing booked yet until the clinic opens at 07:00, then a day from the next hour.
        var nextDay = tomorrow.AddDays(1);
        clock.AdjustTime(new DateTimeOffset(nextDay.AddHours(6), zone.GetUtcOffset(nextDay.AddHours(6))));
        await desk.PulseAsync();
        Assert.Empty((await BoardAsync(node, clock)).Rows);
        clock.Advance(TimeSpan.FromHours(1.5));
        await desk.PulseAsync();
        var newDay = await BoardAsync(node, clock);
        Assert.NotEmpty(newDay.Rows);
        Assert.All(newDay.Rows, r => Assert.True(r.ScheduledStart > clock.GetUtcNow(), "a new day books only from the next hour on"));
    }

    private static async Task<BoardView> BoardAsync(AppNode node, FakeTimeProvider clock)
    {
        var config = (await node.Grains.GetGrain<IClinicGrain>(DemoClinic.Id).GetConfig())!;
        return await node.Grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(DemoClinic.Id, config.LocalDate(clock.GetUtcNow()))).GetBoard();
    }

    private static int Count(BoardView board, VisitStatus status) => board.Rows.Count(r => r.Status == status);
}
