using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.Simulator;

/// <summary>
/// Runs one clinic's day through the REST API, minute by minute of clinic time. It keeps its own model of who is really
/// treating whom (rooms, therapists' overlap slots, who is late); that model is what really happened.
/// </summary>
internal sealed class ClinicRun(HttpClient http, ClinicPlan plan, DateOnly date)
{
    /// <summary>A therapist takes a checked-in patient up to this many minutes before the appointment when a slot is free.</summary>
    private const int EarlyStartMinutes = 5;

    private readonly Dictionary<string, HashSet<PlannedVisit>> _treating = plan.Therapists.ToDictionary(t => t.Id, _ => new HashSet<PlannedVisit>());
    private readonly Dictionary<string, int> _runningLate = plan.Therapists.ToDictionary(t => t.Id, _ => 0);
    private readonly string?[] _privateRooms = new string?[plan.PrivateRooms];
    private readonly List<(DateTimeOffset At, double Wait)> _startedWaits = [];
    private int _gymInUse;

    public ClinicPlan Plan => plan;

    public int Overrides { get; private set; }

    public int Requests { get; private set; }

    public List<string> Errors { get; } = [];

    private string Api => $"/api/clinics/{plan.Id}";

    public async Task SetUpAsync()
    {
        var config = new
        {
            name = $"Simulated clinic {plan.Id}",
            timeZoneId = ClinicPlan.TimeZoneId,
            openingHours = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new { day = day.ToString(), opens = ClinicPlan.Opens, closes = ClinicPlan.Closes }),
            rooms = Enumerable.Range(1, plan.PrivateRooms).Select(i => (object)new { id = $"room-{i}", name = $"Room {i}", kind = "private", capacity = 1 })
                .Append(new { id = "gym", name = "Gym", kind = "gym", capacity = plan.GymCapacity }),
            therapists = plan.Therapists.Select(t => new
            {
                id = t.Id,
                displayName = t.Name,
                maxConcurrentPatients = t.Capacity,
                workingHours = new[] { (t.Start, t.BreakStart), (t.BreakEnd, t.End) }
                    .Select(span => new { day = date.DayOfWeek.ToString(), start = span.Item1, end = span.Item2 }),
            }),
            visitTypes = ClinicPlan.VisitTypes.Select(v => new { code = v.Code, name = v.Name, defaultMinutes = v.Minutes }),
        };
        await SendAsync(HttpMethod.Put, Api, config, must: true);

        foreach (var visit in plan.Visits)
        {
            var patient = await SendAsync(HttpMethod.Post, $"{Api}/patients",
                new { firstName = $"Pat{visit.Index}", lastName = $"Sim{(char)('A' + visit.Index % 26)}", birthDate = "1970-01-01", phone = "555-0100", confirmedNew = true },
                must: true);
            visit.PatientId = patient!["patientId"]!.GetValue<string>();
            if (visit.WalkIn)
            {
                continue;
            }

            var body = new { patientId = visit.PatientId, therapistId = visit.TherapistId, visitType = visit.Type.Code, scheduledStart = visit.ScheduledStart };
            var (status, booked) = await TrySendAsync(HttpMethod.Post, $"{Api}/visits", body);
            if (status == HttpStatusCode.Conflict)
            {
                // The front desk double-books when the rules say no (e.g. the therapist's lanes line up differently).
                Overrides++;
                (status, booked) = await TrySendAsync(HttpMethod.Post, $"{Api}/visits", new
                {
                    body.patientId, body.therapistId, body.visitType, body.scheduledStart, overrideReason = "simulator: front desk double-book",
                });
            }

            if (booked is null)
            {
                Errors.Add($"booking {visit.Index} refused: {status}");
                visit.Closed = true;
                continue;
            }

            visit.VisitId = booked["visitId"]!.GetValue<string>();
        }
    }

    /// <summary>Everything due at minute <paramref name="now"/> of clinic time (the clock is already there).</summary>
    public async Task StepAsync(DateTimeOffset now)
    {
        var open = plan.Visits.Where(v => !v.Closed && (v.VisitId is not null || v.WalkIn)).ToList();

        foreach (var visit in open.Where(v => v.Fate == Fate.Cancels && v.CancelAt <= now && v.ArrivedAt is null))
        {
            await CommandAsync(visit, "cancel", new { reason = "patient called: sick" });
            visit.Closed = true;
        }

        await RunningLateAsync(now);

        foreach (var visit in open.Where(v => v.FinishAt == now))
        {
            await CommandAsync(visit, "finish");
            _treating[visit.TherapistId].Remove(visit);
            ReleaseRoom(visit);
            visit.CheckOutAt = now.AddMinutes(visit.CheckOutDelayMinutes);
        }

        foreach (var visit in open.Where(v => v.CheckOutAt == now))
        {
            await CommandAsync(visit, "check-out");
            visit.Closed = true;
        }

        foreach (var visit in open.Where(v => v.ArrivedAt is { } a && v.CheckedInAt is null && a.AddMinutes(v.CheckInDelayMinutes) <= now))
        {
            await CommandAsync(visit, "check-in");
            visit.CheckedInAt = now;
        }

        await DispatchAsync(now);

        foreach (var visit in open.Where(v => v.Fate == Fate.Attends && v.ArrivedAt is null && v.ArrivalTime <= now).OrderBy(v => v.ArrivalTime))
        {
            visit.BaselineScheduled = Math.Max(0, (visit.ScheduledStart - now).TotalMinutes);
            var before = _startedWaits.Where(s => s.At < now).ToList();
            visit.BaselineAverage = before.Count == 0 ? 0 : before.Average(s => s.Wait);
            if (visit.WalkIn)
            {
                await WalkInAsync(visit, now);
            }
            else
            {
                await CommandAsync(visit, "arrive");
            }

            visit.ArrivedAt = now;
            if (!visit.Closed)
            {
                visit.Candidate = CandidateEstimator.Estimate(visit, plan.Visits, plan.Therapists.First(t => t.Id == visit.TherapistId),
                    _runningLate[visit.TherapistId], now);
            }
        }

        foreach (var visit in open.Where(v => v.Fate == Fate.NoShow && v.ScheduledStart.AddMinutes(ClinicPlan.NoShowGraceMinutes) <= now))
        {
            // PtHub may have marked them already (its own automatic no-show); either answer is fine.
            await CommandAsync(visit, "no-show", tolerateConflict: true);
            visit.Closed = true;
        }
    }

    public bool Done(DateTimeOffset now) =>
        plan.Visits.All(v => v.Closed) && now >= ClinicPlan.At(date, plan.Therapists.Max(t => t.End));

    private async Task WalkInAsync(PlannedVisit visit, DateTimeOffset now)
    {
        // The desk gives a walk-in to the working therapist with the shortest line.
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(ClinicPlan.TimeZoneId)).DateTime);
        var therapist = plan.Therapists
            .OrderBy(t => local >= t.Start && local < t.End ? 0 : 1)
            .ThenBy(t => (double)(Waiting(t.Id).Count() + _treating[t.Id].Count) / t.Capacity)
            .ThenBy(t => t.Id, StringComparer.Ordinal).First();
        visit.TherapistId = therapist.Id;
        visit.ScheduledStart = now;
        var created = await SendAsync(HttpMethod.Post, $"{Api}/walk-ins",
            new { patientId = visit.PatientId, therapistId = therapist.Id, visitType = visit.Type.Code }, must: false);
        if (created is null)
        {
            visit.Closed = true;
            return;
        }

        visit.VisitId = created["visitId"]!.GetValue<string>();
    }

    private IEnumerable<PlannedVisit> Waiting(string therapistId) =>
        plan.Visits.Where(v => v.TherapistId == therapistId && !v.Closed && v.ArrivedAt is not null && v.StartedAt is null);

    private async Task DispatchAsync(DateTimeOffset now)
    {
        foreach (var therapist in plan.Therapists)
        {
            if (!Available(therapist, now))
            {
                continue;
            }

            var queue = Waiting(therapist.Id).Where(v => v.CheckedInAt is not null && v.ScheduledStart.AddMinutes(-EarlyStartMinutes) <= now)
                .OrderBy(v => v.ScheduledStart).ThenBy(v => v.ArrivedAt).ThenBy(v => v.Index).ToList();
            foreach (var visit in queue)
            {
                if (_treating[therapist.Id].Count >= therapist.Capacity)
                {
                    break;
                }

                if (TakeRoom(visit) is not { } room)
                {
                    continue;
                }

                await CommandAsync(visit, "start", new { roomId = room });
                visit.StartedAt = now;
                visit.FinishAt = now.AddMinutes(visit.ActualMinutes);
                _treating[therapist.Id].Add(visit);
                _startedWaits.Add((now, (now - visit.ArrivedAt!.Value).TotalMinutes));
            }
        }
    }

    private bool Available(SimTherapist therapist, DateTimeOffset now)
    {
        if (now < ClinicPlan.At(date, therapist.Start).AddMinutes(therapist.LateStartMinutes))
        {
            return false;
        }

        return therapist.InterruptionAt is not { } at
            || now < ClinicPlan.At(date, at) || now >= ClinicPlan.At(date, at).AddMinutes(therapist.InterruptionMinutes);
    }

    /// <summary>The desk says a therapist runs late when they start late or are called away, and clears it once caught up.</summary>
    private async Task RunningLateAsync(DateTimeOffset now)
    {
        foreach (var therapist in plan.Therapists)
        {
            var late = 0;
            if (therapist.LateStartMinutes > 0 && now == ClinicPlan.At(date, therapist.Start))
            {
                late = therapist.LateStartMinutes;
            }
            else if (therapist.InterruptionAt is { } at && now == ClinicPlan.At(date, at))
            {
                late = therapist.InterruptionMinutes + _runningLate[therapist.Id];
            }
            else if (_runningLate[therapist.Id] > 0 && Available(therapist, now)
                && !Waiting(therapist.Id).Any(v => v.ScheduledStart < now.AddMinutes(-EarlyStartMinutes)))
            {
                late = 0;
            }
            else
            {
                continue;
            }

            if (late != _runningLate[therapist.Id])
            {
                _runningLate[therapist.Id] = late;
                await SendAsync(HttpMethod.Put, $"{Api}/therapists/{therapist.Id}/running-late", new { minutes = late }, must: false);
            }
        }
    }

    private string? TakeRoom(PlannedVisit visit)
    {
        if (!visit.Type.NeedsPrivateRoom && _gymInUse < plan.GymCapacity)
        {
            _gymInUse++;
            return visit.RoomId = "gym";
        }

        var free = Array.IndexOf(_privateRooms, null);
        if (free < 0)
        {
            return null;
        }

        _privateRooms[free] = visit.VisitId;
        return visit.RoomId = $"room-{free + 1}";
    }

    private void ReleaseRoom(PlannedVisit visit)
    {
        if (visit.RoomId == "gym")
        {
            _gymInUse--;
        }
        else if (visit.RoomId is { } room)
        {
            _privateRooms[int.Parse(room["room-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1] = null;
        }
    }

    private async Task CommandAsync(PlannedVisit visit, string action, object? body = null, bool tolerateConflict = false)
    {
        var (status, _) = await TrySendAsync(HttpMethod.Post, $"{Api}/visits/{visit.VisitId}/{action}", body ?? new { });
        if (!IsSuccess(status) && !(tolerateConflict && status == HttpStatusCode.Conflict))
        {
            Errors.Add($"{action} of visit {visit.Index} ({visit.VisitId}): {(int)status}");
        }
    }

    public async Task<JsonObject?> GetAsync(string path)
    {
        Requests++;
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, object body, bool must)
    {
        var (status, json) = await TrySendAsync(method, path, body);
        if (!IsSuccess(status))
        {
            var message = $"{method} {path}: {(int)status}";
            if (must)
            {
                throw new InvalidOperationException(message);
            }

            Errors.Add(message);
        }

        return json;
    }

    private async Task<(HttpStatusCode Status, JsonObject? Json)> TrySendAsync(HttpMethod method, string path, object body)
    {
        Requests++;
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var json = IsSuccess(response.StatusCode) && response.Content.Headers.ContentLength != 0
            ? await response.Content.ReadFromJsonAsync<JsonNode>() as JsonObject
            : null;
        return (response.StatusCode, json);
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
