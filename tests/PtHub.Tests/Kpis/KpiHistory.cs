using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace PtHub.Tests.Kpis;

/// <summary>
/// Several weeks of a clinic played through the public API on the fake clinic clock, in time order: bookings made
/// up front, then each day's cancellations (late and not), no-shows, patients leaving unseen, walk-ins, arrivals,
/// copays, treatment, services and check-outs, drawn from a seeded random source. Four of the six patients have a
/// coverage with a copay (one of 0); three plans of care are booked up front as series (two of one patient, overlapping,
/// so the later one covers their shared days), some bookings name a plan, the rest take the patient's plan covering the
/// day. The test keeps its own record of every visit (<see cref="PlayedVisit"/>) and plan (<see cref="PlayedPlan"/>);
/// only the quoted wait, the billing and a series' booked times are read back from the API. A series' visits past the
/// history's last day stay booked (<see cref="Ahead"/>), but for its last one, which is cancelled on the last day.
/// </summary>
public sealed class KpiHistory(HttpClient http, FakeTimeProvider clock, string clinicId, TimeZoneInfo zone, Func<Task> renewSession)
{
    public const string Zone = "America/Chicago";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<(DateTimeOffset At, int Order, Func<Task> Step)> _steps = [];

    public List<PlayedVisit> Visits { get; } = [];

    /// <summary>Visits of the plans' series booked past the history's last day (left out of <see cref="Visits"/>).</summary>
    public List<PlayedVisit> Ahead { get; } = [];

    public List<PlayedPlan> Plans { get; } = [];

    /// <summary>Each patient's coverage copay (no entry: no coverage).</summary>
    public Dictionary<string, decimal> Copays { get; } = [];

    public string ClinicId => clinicId;

    /// <summary>The clinic's today on the clock now.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    public string Api => $"/api/clinics/{clinicId}";

    /// <summary>Creates the clinic, or with other hours configures it again (the same rooms and therapists).</summary>
    public static async Task CreateClinicAsync(HttpClient http, string clinicId, string opens = "07:00:00", string closes = "19:00:00")
    {
        using var response = await http.PutAsJsonAsync($"/api/clinics/{clinicId}", new
        {
            name = "KPI clinic " + clinicId,
            timeZoneId = Zone,
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens, closes }),
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

        foreach (var (patient, copay) in patients.Zip(new[] { 25m, 40m, 0m, 15m }))
        {
            using var coverage = await http.PutAsJsonAsync($"{Api}/patients/{patient}/coverage",
                new { payer = "Acme Health", plan = "PPO", memberId = "M-" + patient[..6], billingMethod = "cms", copay, isMedicare = false }, Ct);
            Assert.True(coverage.IsSuccessStatusCode, await coverage.Content.ReadAsStringAsync(Ct));
            Copays[patient] = copay;
        }

        var last = first.AddDays(days - 1);
        await BookPlanAsync(patients[0], "ann", 2, 2, first, [DayOfWeek.Monday, DayOfWeek.Thursday], "15:30:00", last, random);
        var second = await BookPlanAsync(patients[1], "bob", 3, 2, first.AddDays(days / 3), [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday], "16:00:00", last, random);
        await BookPlanAsync(patients[0], "ann", 1, 1, first.AddDays(10), [DayOfWeek.Saturday], "15:30:00", last, random);
        if (Ahead.LastOrDefault(v => v.Plan == second) is { } furthest)
        {
            // The last day takes one future visit of the second plan off the books: its week falls short.
            Plan(At(last, 18, 30), () => CancelAsync(furthest, late: false));
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
                    visit.PatientId = patients[random.Next(patients.Count)];
                    // Some bookings of the second plan's patient before the plan starts name it (an evaluation ahead of the series).
                    var named = Plans.Count > 1 && visit.PatientId == Plans[1].PatientId && day < Plans[1].Start && random.Next(100) < 50 ? Plans[1] : null;
                    visit.Plan = named ?? Covering(visit.PatientId, day);
                    using var booked = await http.PostAsJsonAsync($"{Api}/visits", new
                    {
                        patientId = visit.PatientId, therapistId = therapist, visitType = visit.VisitType,
                        scheduledStart = start, overrideReason = "KPI history", planId = named?.PlanId,
                    }, Ct);
                    Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));
                    visit.VisitId = (await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
                    PlanBooked(visit, random);
                }
            }

            if (random.Next(100) < 70)
            {
                var patient = patients[random.Next(patients.Count)];
                PlanWalkIn(new PlayedVisit
                {
                    ClinicId = clinicId, Day = day, TherapistId = "bob", VisitType = "follow-up", WalkIn = true,
                    ScheduledStart = At(day, 13, random.Next(0, 40)), PatientId = patient, Plan = Covering(patient, day),
                }, patient, random);
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

        foreach (var visit in Visits.Concat(Ahead))
        {
            await ReadBackAsync(visit);
        }
    }

    /// <summary>The patient's latest plan whose days cover the day, as docs/figures.md defines a visit's plan.</summary>
    private PlayedPlan? Covering(string patientId, DateOnly day) =>
        Plans.LastOrDefault(p => p.PatientId == patientId && p.Start <= day && day <= p.End);

    /// <summary>Books a plan of care's series; each visit booked is recorded (and played if it falls within the history).</summary>
    private async Task<PlayedPlan> BookPlanAsync(
        string patientId, string therapistId, int perWeek, int weeks, DateOnly start, DayOfWeek[] days, string time, DateOnly last, Random random)
    {
        using var response = await http.PostAsJsonAsync($"{Api}/patients/{patientId}/plans-of-care", new
        {
            therapistId, visitType = "follow-up", visitsPerWeek = perWeek, weeks, startDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            preferredDays = days.Select(d => d.ToString()), preferredTime = time,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var plan = new PlayedPlan
        {
            PlanId = body["planId"]!.GetValue<string>(), ClinicId = clinicId, PatientId = patientId, TherapistId = therapistId,
            Start = start, Weeks = weeks, VisitsPerWeek = perWeek,
        };
        Plans.Add(plan);
        foreach (var id in body["visitIds"]!.AsArray().Select(v => v!.GetValue<string>()))
        {
            var booked = (await http.GetFromJsonAsync<JsonObject>($"{Api}/visits/{id}", Ct))!["visit"]!;
            var scheduled = booked["scheduledStart"]!.GetValue<DateTimeOffset>();
            var visit = new PlayedVisit
            {
                VisitId = id, ClinicId = clinicId, Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scheduled, zone).DateTime),
                TherapistId = therapistId, VisitType = "follow-up", ScheduledStart = scheduled, PatientId = patientId, Plan = plan,
            };
            if (visit.Day <= last)
            {
                Visits.Add(visit);
                PlanBooked(visit, random);
            }
            else
            {
                Ahead.Add(visit);
            }
        }

        return plan;
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
            visit.CopayDue = Copays.TryGetValue(patientId, out var due) ? due : null;
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
        visit.CopayDue = Copays.TryGetValue(visit.PatientId, out var due) ? due : null;
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
