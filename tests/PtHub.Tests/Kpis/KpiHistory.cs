using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace PtHub.Tests.Kpis;

/// <summary>
/// Several weeks of a clinic played through the public API on the fake clinic clock, in time order: bookings made
/// up front, then each day's cancellations (late and not), no-shows, patients leaving unseen, walk-ins, arrivals,
/// copays, treatment, services and check-outs, drawn from a seeded random source. The test keeps its own record of
/// every visit (<see cref="PlayedVisit"/>); only the quoted wait and the billing are read back from the visit API.
/// </summary>
public sealed class KpiHistory(HttpClient http, FakeTimeProvider clock, string clinicId, TimeZoneInfo zone, Func<Task> renewSession)
{
    public const string Zone = "America/Chicago";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<(DateTimeOffset At, int Order, Func<Task> Step)> _steps = [];

    public List<PlayedVisit> Visits { get; } = [];

    public string Api => $"/api/clinics/{clinicId}";

    public static async Task CreateClinicAsync(HttpClient http, string clinicId)
    {
        using var response = await http.PutAsJsonAsync($"/api/clinics/{clinicId}", new
        {
            name = "KPI clinic " + clinicId,
            timeZoneId = Zone,
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "07:00:00", closes = "19:00:00" }),
            rooms = new object[] { new { id = "gym", name = "Gym", kind = "gym", capacity = 30 } },
            therapists = new object[]
            {
                new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 4 },
                new { id = "bob", displayName = "Bob Q., PTA", maxConcurrentPatients = 4 },
            },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The therapists' scheduled working seconds from one day to another as of the clock now: neither therapist has
    /// hours of their own, so each works the clinic's opening hours, 07:00–19:00 every day, and today only up to now.
    /// </summary>
    public long WorkingSeconds(DateOnly from, DateOnly to, int therapists)
    {
        var now = clock.GetUtcNow();
        long seconds = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var opens = At(day, 7, 0);
            var closes = At(day, 19, 0) < now ? At(day, 19, 0) : now;
            seconds += Math.Max(0, (long)(closes - opens).TotalSeconds);
        }

        return seconds * therapists;
    }

    /// <summary>The gym's capacity-seconds: 30 places through the opening hours (the same hours as one therapist's).</summary>
    public long SpaceSeconds(DateOnly from, DateOnly to) => 30 * WorkingSeconds(from, to, 1);

    /// <summary>Books every day's visits now (the clock stands before the first day), then plays the steps in time order.</summary>
    public async Task PlayAsync(DateOnly first, int days, int seed)
    {
        var random = new Random(seed);
        var patients = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var created = await http.PostAsJsonAsync($"{Api}/patients", new { firstName = $"Kpi{i}", lastName = $"Patient{seed}", birthDate = $"19{50 + i}-02-0{i + 1}", confirmedNew = true }, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            patients.Add((await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>());
        }

        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            foreach (var (therapist, firstHour, firstMinute) in new[] { ("ann", 8, 0), ("bob", 8, 30) })
            {
                for (var slot = 0; slot < 4; slot++)
                {
                    var start = At(day, firstHour, firstMinute).AddMinutes(75 * slot);
                    var visit = new PlayedVisit
                    {
                        ClinicId = clinicId, Day = day, TherapistId = therapist, ScheduledStart = start,
                        VisitType = random.Next(100) < 15 ? "initial-evaluation" : "follow-up",
                    };
                    Visits.Add(visit);
                    using var booked = await http.PostAsJsonAsync($"{Api}/visits", new
                    {
                        patientId = patients[random.Next(patients.Count)], therapistId = therapist, visitType = visit.VisitType,
                        scheduledStart = start, overrideReason = "KPI history",
                    }, Ct);
                    Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
                    visit.VisitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
                    PlanBooked(visit, random);
                }
            }

            if (random.Next(100) < 70)
            {
                PlanWalkIn(new PlayedVisit
                {
                    ClinicId = clinicId, Day = day, TherapistId = "bob", VisitType = "follow-up", WalkIn = true,
                    ScheduledStart = At(day, 13, random.Next(0, 40)),
                }, patients[random.Next(patients.Count)], random);
            }
        }

        var signedIn = clock.GetUtcNow();
        foreach (var (at, _, step) in _steps.OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            clock.SetUtcNow(at);
            if (at - signedIn > TimeSpan.FromHours(12))
            {
                // Sessions answer to the clinic clock and end after a day idle or a week at most: sign in again as a desk would.
                await renewSession();
                signedIn = at;
            }

            await step();
        }

        foreach (var visit in Visits)
        {
            await ReadBackAsync(visit);
        }
    }

    /// <summary>Marks a visit entered in error now (a correction of a past day).</summary>
    public async Task EnterInErrorAsync(PlayedVisit visit)
    {
        await renewSession();
        await CommandAsync(visit, "entered-in-error", new { reason = "wrong patient" });
        visit.Status = "entered-in-error";
    }

    private void PlanBooked(PlayedVisit visit, Random random)
    {
        var roll = random.Next(100);
        var start = visit.ScheduledStart;
        if (roll < 8)
        {
            Plan(start.AddHours(-2), () => CancelAsync(visit, late: true));
        }
        else if (roll < 12)
        {
            Plan(start.AddHours(-30), () => CancelAsync(visit, late: false));
        }
        else if (roll < 19)
        {
            Plan(start.AddMinutes(20), async () =>
            {
                await CommandAsync(visit, "no-show");
                visit.Status = "noshow";
            });
        }
        else if (roll < 22)
        {
            var arrived = start.AddMinutes(-5);
            Plan(arrived, () => ArriveAsync(visit, arrived));
            Plan(start.AddMinutes(25), async () =>
            {
                await CommandAsync(visit, "left-without-being-seen", new { reason = "could not wait" });
                visit.Status = "left-without-being-seen";
            });
        }
        else
        {
            var arrived = start.AddMinutes(random.Next(-15, 11));
            Plan(arrived, () => ArriveAsync(visit, arrived));
            PlanTreatment(visit, arrived, random);
        }
    }

    private void PlanWalkIn(PlayedVisit visit, string patientId, Random random)
    {
        Visits.Add(visit);
        var arrived = visit.ScheduledStart;
        Plan(arrived, async () =>
        {
            using var response = await http.PostAsJsonAsync($"{Api}/walk-ins", new { patientId, therapistId = visit.TherapistId, visitType = visit.VisitType }, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            visit.VisitId = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
            visit.ArrivedAt = arrived;
            visit.Status = "arrived";
        });
        PlanTreatment(visit, arrived, random);
    }

    private void PlanTreatment(PlayedVisit visit, DateTimeOffset arrived, Random random)
    {
        if (random.Next(100) < 50)
        {
            var amount = 10m + random.Next(0, 4) * 7.5m;
            Plan(arrived.AddMinutes(1), async () =>
            {
                await CommandAsync(visit, "collect-copay", new { amount, method = "card" });
                visit.Copay = amount;
            });
        }

        var started = arrived.AddMinutes(2 + random.Next(0, 34));
        var finished = started.AddMinutes(random.Next(35, 56));
        var minutes = random.Next(20, 56);
        Plan(arrived.AddMinutes(2), () => CommandAsync(visit, "check-in"));
        Plan(started, async () =>
        {
            await CommandAsync(visit, "start", new { roomId = "gym" });
            visit.StartedAt = started;
        });
        Plan(finished, async () =>
        {
            await CommandAsync(visit, "finish");
            visit.FinishedAt = finished;
        });
        Plan(finished.AddMinutes(1), () => CommandAsync(visit, "record-services", new { services = new[] { new { code = "97110", minutes } } }));
        Plan(finished.AddMinutes(3), async () =>
        {
            await CommandAsync(visit, "check-out");
            visit.Status = "checked-out";
        });
    }

    private async Task ArriveAsync(PlayedVisit visit, DateTimeOffset at)
    {
        await CommandAsync(visit, "arrive");
        visit.ArrivedAt = at;
        visit.Status = "arrived";
    }

    private async Task CancelAsync(PlayedVisit visit, bool late)
    {
        await CommandAsync(visit, "cancel", new { reason = "sick" });
        visit.Status = "cancelled";
        visit.LateCancellation = late;
    }

    private void Plan(DateTimeOffset at, Func<Task> step) => _steps.Add((at, _steps.Count, step));

    private async Task CommandAsync(PlayedVisit visit, string action, object? body = null)
    {
        using var response = await http.PostAsJsonAsync($"{Api}/visits/{visit.VisitId}/{action}", body ?? new { }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} {visit.VisitId}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task ReadBackAsync(PlayedVisit visit)
    {
        var history = (await http.GetFromJsonAsync<JsonObject>($"{Api}/visits/{visit.VisitId}", Ct))!;
        Assert.Equal(visit.Status, history["visit"]!["status"]!.GetValue<string>());
        visit.QuotedWait = history["quotedWaitMinutes"]?.GetValue<int>();
        foreach (var charge in history["billing"]?["charges"]?.AsArray() ?? [])
        {
            visit.Units += charge!["units"]!.GetValue<int>();
            visit.Allowed += charge["allowed"]!.GetValue<decimal>();
        }
    }
}
