using PtHub.Grains;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Silo;

namespace PtHub.Web.Demo;

/// <summary>
/// On first start (no clinic yet) books a day for the demo clinic around the current time and plays the morning
/// through the same commands the front desk uses: earlier visits checked out, some in treatment, some waiting,
/// the rest booked. Events carry the seeding time, since times are never typed in.
/// </summary>
internal sealed partial class DemoSeeder(
    IGrainFactory grains, IOptions<PtHubOptions> options, [FromKeyedServices(Clock.Key)] TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    private const string Actor = "demo-seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ShouldSeedDemo || (await grains.GetGrain<IClinicDirectoryGrain>("all").List()).Count > 0)
        {
            return;
        }

        var config = DemoClinic.Config;
        await grains.GetGrain<IClinicGrain>(DemoClinic.Id).Configure(config);
        var patients = await DemoDay.PatientsAsync(grains);
        var visits = await DemoDay.BookAsync(grains, config, patients, time.GetUtcNow(), Actor);
        await PlayMorningAsync(config, visits);
        LogSeeded(logger, DemoClinic.Id, visits.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PlayMorningAsync(ClinicConfig config, IReadOnlyList<VisitSnapshot> visits)
    {
        var now = time.GetUtcNow();
        var privateRooms = config.Rooms.Where(r => r.Kind == TreatmentSpaceKind.Private).Select(r => r.Id).ToArray();
        var index = 0;
        foreach (var visit in visits.OrderBy(v => v.ScheduledStart))
        {
            index++;
            var end = visit.ScheduledStart.AddMinutes(visit.DurationMinutes);
            VisitAction[] steps = end < now.AddMinutes(-10)
                ? index % 9 == 0 ? [VisitAction.NoShow] : index % 10 == 0 ? [VisitAction.Cancel] : FullVisit
                : visit.ScheduledStart <= now ? [VisitAction.Arrive, VisitAction.CheckIn, VisitAction.StartTreatment]
                : visit.ScheduledStart <= now.AddMinutes(25) ? (index % 2 == 0 ? [VisitAction.Arrive] : [VisitAction.Arrive, VisitAction.CheckIn])
                : [];
            var grain = grains.GetGrain<IVisitGrain>(visit.VisitId);
            foreach (var action in steps)
            {
                var reason = action == VisitAction.Cancel ? "Feeling unwell" : null;
                var room = action == VisitAction.StartTreatment ? privateRooms[index % privateRooms.Length] : null;
                var result = await grain.Execute(new VisitCommand(action, Actor, RoomId: room, Reason: reason));
                if (result.Refusal is not null && action == VisitAction.StartTreatment)
                {
                    // The private room or the therapist is busy: the gym takes the patient, or they keep waiting.
                    result = await grain.Execute(new VisitCommand(action, Actor, RoomId: "gym"));
                }

                if (result.Refusal is not null)
                {
                    break;
                }
            }
        }
    }

    private static readonly VisitAction[] FullVisit =
        [VisitAction.Arrive, VisitAction.CheckIn, VisitAction.StartTreatment, VisitAction.Finish, VisitAction.CheckOut];

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo clinic '{ClinicId}' with {Count} visits for today")]
    private static partial void LogSeeded(ILogger logger, string clinicId, int count);
}
