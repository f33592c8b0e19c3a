using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

namespace PtHub.Web.Demo;

/// <summary>The demo clinic's patients and a day of its visits, for the first seeding and for every new day after.</summary>
internal static class DemoDay
{
    /// <summary>The demo patients (ids "demo-p01"…), registered the first time they are needed.</summary>
    public static async Task<IReadOnlyList<string>> PatientsAsync(IGrainFactory grains)
    {
        var ids = new List<string>();
        var random = new Random(17);
        for (var i = 0; i < DemoClinic.Patients.Count; i++)
        {
            var (first, last) = DemoClinic.Patients[i];
            var id = $"demo-p{i + 1:00}";
            var born = new DateOnly(1940 + random.Next(65), 1 + random.Next(12), 1 + random.Next(28));
            var phone = $"555-01{random.Next(100):00}";
            var patient = grains.GetGrain<IPatientGrain>(id);
            if (await patient.Get() is null)
            {
                await patient.Register(new PatientDetails(DemoClinic.Id, first, last, born, phone,
                    $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com"));
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>
    /// Each therapist's day in 45-minute slots from <paramref name="hoursBefore"/> before now to
    /// <paramref name="hoursAfter"/> after, within today's opening hours and the therapist's working hours.
    /// </summary>
    public static async Task<IReadOnlyList<VisitSnapshot>> BookAsync(
        IGrainFactory grains, ClinicConfig config, IReadOnlyList<string> patients, DateTimeOffset now, string actor,
        double hoursBefore = 4, double hoursAfter = 5)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, config.TimeZone);
        var dayStart = new DateTimeOffset(localNow.Date, localNow.Offset);
        var date = config.LocalDate(now);
        if (config.OpenOn(date) is not var (opens, closes))
        {
            return [];
        }

        var first = Max(Max(dayStart, opens), RoundDown(localNow.AddHours(-hoursBefore)).AddHours(hoursBefore > 0 ? 0 : 1));
        var last = Min(Min(dayStart.AddDays(1), closes).AddMinutes(-45), localNow.AddHours(hoursAfter));
        var day = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(DemoClinic.Id, config.LocalDate(now)));
        var booked = new List<VisitSnapshot>();
        var patient = 0;
        for (var t = 0; t < config.Therapists.Count; t++)
        {
            var therapist = config.Therapists[t];
            var working = ScheduleRules.WorkingSpans(config, therapist, date).ToList();
            for (var start = first.AddMinutes(t * 10 % 30); start <= last; start = start.AddMinutes(45))
            {
                if (!TimeSpans.Covered(working, start, start.AddMinutes(45)))
                {
                    continue;
                }

                var type = patient % 7 == 0 ? "initial-evaluation" : patient % 11 == 0 ? "re-evaluation" : "follow-up";
                var result = await day.Book(new BookVisitRequest(patients[patient % patients.Count], therapist.Id, type, start,
                    45, WalkIn: false, actor, CommandId: null, OverrideReason: "demo day around the current time"));
                if (result.Visit is { } visit)
                {
                    booked.Add(visit);
                }

                patient++;
            }
        }

        return booked;
    }

    private static DateTimeOffset RoundDown(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
