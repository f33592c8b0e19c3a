using System.Globalization;
using PtHub.Grains;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Silo;

namespace PtHub.Web.Demo;

/// <summary>
/// On first start (no clinic yet) sets up the demo clinic where its day is under way, books that day within its hours,
/// and replays the morning minute by minute through the demo front desk (<see cref="DemoFrontDesk"/>) with clinic time
/// turned back (<see cref="ReplayClock"/>), so the first morning has real arrivals, waits and sessions behind it.
/// Under a clock it cannot turn back (a test's), it books the day and leaves the morning to the front desk.
/// </summary>
internal sealed partial class DemoSeeder(
    IGrainFactory grains, IOptions<PtHubOptions> options, [FromKeyedServices(Clock.Key)] TimeProvider time, DemoFrontDesk desk,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private const string Actor = "demo-seed";

    /// <summary>The morning replayed behind the first start, at most.</summary>
    private static readonly TimeSpan Replayed = TimeSpan.FromHours(4);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ShouldSeedDemo || (await grains.GetGrain<IClinicDirectoryGrain>("all").List()).Count > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var config = DemoClinic.ConfigAt(now);
        await grains.GetGrain<IClinicGrain>(DemoClinic.Id).Configure(config);
        var patients = await DemoDay.PatientsAsync(grains);
        if (time is not ReplayClock replay)
        {
            var booked = await DemoDay.BookAsync(grains, config, patients, now, Actor);
            LogSeeded(logger, DemoClinic.Id, booked.Count, TimeZoneInfo.ConvertTime(now, config.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture), config.TimeZoneId);
            return;
        }

        var from = now - Replayed;
        try
        {
            replay.StandAt(from);
            var visits = await DemoDay.BookAsync(grains, config, patients, from, Actor, hoursBefore: 0.5, hoursAfter: 24);
            for (var minute = from; minute <= now; minute = minute.AddMinutes(1))
            {
                replay.StandAt(minute);
                await desk.PulseAsync();
            }

            LogSeeded(logger, DemoClinic.Id, visits.Count, TimeZoneInfo.ConvertTime(now, config.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture), config.TimeZoneId);
        }
        finally
        {
            replay.Resume();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clinic '{ClinicId}': {Count} visits today; it is {LocalTime} there ({TimeZone})")]
    private static partial void LogSeeded(ILogger logger, string clinicId, int count, string localTime, string timeZone);
}
