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
        var patients = await RegisterPatientsAsync();
        var visits = await BookDayAsync(config, patients);
        await PlayMorningAsync(config, visits);
        LogSeeded(logger, DemoClinic.Id, visits.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<List<string>> RegisterPatientsAsync()
    {
        var ids = new List<string>();
        var random = new Random(17);
        foreach (var (first, last) in DemoClinic.Patients)
        {
            var id = Guid.NewGuid().ToString("N");
            var born = new DateOnly(1940 + random.Next(65), 1 + random.Next(12), 1 + random.Next(28));
            await grains.GetGrain<IPatientGrain>(id).Register(new PatientDetails(DemoClinic.Id, first, last, born,
                $"555-01{random.Next(100):00}", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com"));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Each therapist's day in 45-minute slots from four hours before now to five hours after, within today.</summary>
    private async Task<List<VisitSnapshot>> BookDayAsync(ClinicConfig config, List<string> patients)
    {
        var now = time.GetUtcNow();
        var zone = config.TimeZone;
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var dayStart = new DateTimeOffset(localNow.Date, localNow.Offset);
        var first = Max(dayStart, RoundDown(localNow.AddHours(-4)));
        var last = Min(dayStart.AddDays(1).AddMinutes(-45), localNow.AddHours(5));
        var day = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(DemoClinic.Id, config.LocalDate(now)));
        var booked = new List<VisitSnapshot>();
        var patient = 0;
        for (var t = 0; t < config.Therapists.Count; t++)
        {
            var therapist = config.Therapists[t];
            for (var start = first.AddMinutes(t * 10 % 30); start <= last; start = start.AddMinutes(45))
            {
                var type = patient % 7 == 0 ? "initial-evaluation" : patient % 11 == 0 ? "re-evaluation" : "follow-up";
                var result = await day.Book(new BookVisitRequest(patients[patient % patients.Count], therapist.Id, type, start,
                    45, WalkIn: false, Actor, CommandId: null, OverrideReason: "demo day around the current time"));
                if (result.Visit is { } visit)
                {
                    booked.Add(visit);
                }

                patient++;
            }
        }

        return booked;
    }

    private async Task PlayMorningAsync(ClinicConfig config, List<VisitSnapshot> visits)
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

    private static DateTimeOffset RoundDown(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo clinic '{ClinicId}' with {Count} visits for today")]
    private static partial void LogSeeded(ILogger logger, string clinicId, int count);
}
