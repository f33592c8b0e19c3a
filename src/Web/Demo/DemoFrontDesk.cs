using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Silo;

namespace PtHub.Web.Demo;

/// <summary>
/// Keeps the demo clinic alive in the embedded default: on the clinic clock, patients arrive, are checked in,
/// treated and checked out as the day goes (<see cref="DemoStep"/>), through the same grain commands the board
/// sends, and a new day is booked when today has none. Only the demo clinic, only when the demo is on.
/// </summary>
internal sealed partial class DemoFrontDesk(
    IGrainFactory grains, IOptions<PtHubOptions> options, [FromKeyedServices(Clock.Key)] TimeProvider time, ILogger<DemoFrontDesk> logger)
    : BackgroundService
{
    private const string Actor = "demo-desk";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ShouldSeedDemo || options.Value.DemoPulseSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DemoPulseSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PulseAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The demo is decoration: a failed pulse (storage down, node stopping) is logged and the next one tries again.
                LogPulseFailed(logger, error);
            }
        }
    }

    /// <summary>One look at the demo board, and every step that is due.</summary>
    public async Task PulseAsync()
    {
        if (await grains.GetGrain<IClinicGrain>(DemoClinic.Id).GetConfig() is not { } config)
        {
            return;
        }

        var now = time.GetUtcNow();
        var day = grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(DemoClinic.Id, config.LocalDate(now)));
        var board = await day.GetBoard();
        if (board.Rows.Count == 0)
        {
            // A new day: from the next hour until closing, once the clinic opens.
            var local = TimeZoneInfo.ConvertTime(now, config.TimeZone);
            if (config.OpeningHours.FirstOrDefault(h => h.Day == local.DayOfWeek) is { } hours
                && TimeOnly.FromDateTime(local.DateTime) >= hours.Opens && TimeOnly.FromDateTime(local.DateTime) < hours.Closes.AddHours(-1))
            {
                var untilClosing = (hours.Closes.ToTimeSpan() - local.TimeOfDay).TotalHours;
                var booked = await DemoDay.BookAsync(grains, config, await DemoDay.PatientsAsync(grains), now, Actor, hoursBefore: 0, hoursAfter: untilClosing);
                LogNewDay(logger, booked.Count);
            }

            return;
        }

        foreach (var row in board.Rows)
        {
            if (DemoStep.Next(row, now) is not var (action, roomId))
            {
                continue;
            }

            var visit = grains.GetGrain<IVisitGrain>(row.VisitId);
            var result = await visit.Execute(new VisitCommand(action, Actor, RoomId: roomId));
            if (result.Refusal is not null && action == VisitAction.StartTreatment && roomId != "gym")
            {
                // The private room is taken: the gym, or the patient waits for the next pulse.
                await visit.Execute(new VisitCommand(action, Actor, RoomId: "gym"));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo front desk skipped a beat")]
    private static partial void LogPulseFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clinic: booked a new day of {Count} visits")]
    private static partial void LogNewDay(ILogger logger, int count);
}
