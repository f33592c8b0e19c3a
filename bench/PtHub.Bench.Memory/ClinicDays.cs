using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.Bench.Memory;

/// <summary>
/// Clinic-days made the way a clinic makes them, over the node's REST API: configured, one registered patient per
/// visit, the visits booked over today from 07:00 to 19:00 clinic time, and the day taken to about 13:00: visits
/// whose session ended (plus a quarter hour to leave) are closed (mostly checked out, some cancelled or no-shows), those of the
/// current wave are in the building (arrived, checked in, in treatment), the rest are still booked, a few of them
/// cancelled. Finally each clinic's board is opened once, as a screen would.
/// </summary>
internal sealed class ClinicDays(HttpClient http, int concurrency)
{
    private const int Therapists = 6;
    private const int Overlap = 3;
    private const int SessionMinutes = 45;

    /// <summary>Status counts of what was made, over all clinics.</summary>
    public Dictionary<string, int> Made { get; } = [];

    public async Task MakeAsync(IReadOnlyList<string> clinicIds, int visits)
    {
        var (zone, dayStart) = ThirteenHundredZone();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(clinicIds, parallel, async (clinicId, ct) =>
        {
            using var response = await http.PutAsJsonAsync($"/api/clinics/{clinicId}", Config(clinicId, zone), ct);
            await EnsureAsync(response, "configure a clinic");
        });

        var waves = (visits + Therapists * Overlap - 1) / (Therapists * Overlap);
        var spacing = Math.Max(SessionMinutes, 12 * 60 / waves);
        var now = DateTimeOffset.UtcNow;
        // One therapist's visits one after another (so no treatment overlaps another beyond the therapist's capacity),
        // the therapists of all clinics side by side, interleaved so the calls in flight spread over the clinics.
        var queues = Enumerable.Range(0, Therapists).SelectMany(t => clinicIds.Select(c => (ClinicId: c, Therapist: t))).ToArray();
        await Parallel.ForEachAsync(queues, parallel, async (queue, ct) =>
        {
            for (var i = queue.Therapist; i < visits; i += Therapists)
            {
                await MakeVisitAsync(queue.ClinicId, i, dayStart.AddMinutes(i / (Therapists * Overlap) * spacing), spacing, now, ct);
            }
        });

        await Parallel.ForEachAsync(clinicIds, parallel, async (clinicId, ct) =>
        {
            using var response = await http.GetAsync($"/api/clinics/{clinicId}/board", ct);
            await EnsureAsync(response, "open a board");
        });
    }

    private async Task MakeVisitAsync(string clinicId, int i, DateTimeOffset start, int spacing, DateTimeOffset now, CancellationToken ct)
    {
        var patientId = await RegisterAsync(clinicId, i, ct);
        using var booking = await http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits", new
        {
            patientId,
            therapistId = $"t{1 + i % Therapists}",
            visitType = "follow-up",
            scheduledStart = start,
            durationMinutes = SessionMinutes,
        }, ct);
        await EnsureAsync(booking, "book a visit");
        var visitId = (await booking.Content.ReadFromJsonAsync<JsonObject>(ct))!["visitId"]!.GetValue<string>();
        var steps = Steps(i, start, spacing, now);
        foreach (var (action, body) in steps)
        {
            using var answer = await http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits/{visitId}/{action}", body, ct);
            await EnsureAsync(answer, action);
        }

        var status = steps.Count == 0 ? "booked" : steps[^1].Action;
        lock (Made)
        {
            Made[status] = Made.GetValueOrDefault(status) + 1;
        }
    }

    /// <summary>The commands that take visit <paramref name="i"/> to where it stands at 13:00.</summary>
    private static List<(string Action, object Body)> Steps(int i, DateTimeOffset start, int spacing, DateTimeOffset now)
    {
        var empty = new { };
        var kind = i % 25;
        if (start.AddMinutes(SessionMinutes + 15) <= now)
        {
            return kind switch
            {
                < 3 => [("cancel", new { reason = "Patient called in sick" })],
                < 5 => [("no-show", empty)],
                _ => [("arrive", empty), ("check-in", empty), ("start", new { roomId = "gym" }), ("finish", empty), ("check-out", empty)],
            };
        }

        if (start <= now)
        {
            return (i % 3) switch
            {
                0 => [("arrive", empty)],
                1 => [("arrive", empty), ("check-in", empty)],
                _ => [("arrive", empty), ("check-in", empty), ("start", new { roomId = "gym" })],
            };
        }

        return kind == 0 ? [("cancel", new { reason = "Rescheduled by phone" })] : [];
    }

    private async Task<string> RegisterAsync(string clinicId, int i, CancellationToken ct)
    {
        using var registered = await http.PostAsJsonAsync($"/api/clinics/{clinicId}/patients", new
        {
            firstName = FirstNames[i % FirstNames.Length],
            lastName = LastNames[i / FirstNames.Length % LastNames.Length],
            birthDate = new DateOnly(1940 + i % 60, 1 + i % 12, 1 + i % 28),
            phone = $"555-{i % 10000:0000}",
            confirmedNew = true,
        }, ct);
        await EnsureAsync(registered, "register a patient");
        return (await registered.Content.ReadFromJsonAsync<JsonObject>(ct))!["patientId"]!.GetValue<string>();
    }

    private static object Config(string clinicId, string zone) => new
    {
        name = $"Memory clinic {clinicId}",
        timeZoneId = zone,
        openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "06:00:00", closes = "21:00:00" }),
        rooms = new object[]
        {
            new { id = "gym", name = "Gym", kind = "gym", capacity = 20 },
            new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 },
            new { id = "room-2", name = "Room 2", kind = "private", capacity = 1 },
            new { id = "room-3", name = "Room 3", kind = "private", capacity = 1 },
        },
        therapists = Enumerable.Range(1, Therapists)
            .Select(t => new { id = $"t{t}", displayName = $"Therapist {t}, PT", maxConcurrentPatients = Overlap }).ToArray(),
        noShowGraceMinutes = 10,
    };

    /// <summary>A fixed-offset zone where it is about 13:00 now, and 07:00 of today there (the first wave).</summary>
    private static (string Zone, DateTimeOffset DayStart) ThirteenHundredZone()
    {
        var utc = DateTime.UtcNow;
        var hours = 13 - utc.Hour;
        hours = hours > 14 ? hours - 24 : hours < -12 ? hours + 24 : hours;
        var zone = hours switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{hours.ToString(CultureInfo.InvariantCulture)}",
            _ => $"Etc/GMT+{(-hours).ToString(CultureInfo.InvariantCulture)}",
        };
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById(zone));
        var dayStart = new DateTimeOffset(local.Date.AddHours(7), local.Offset);
        return (zone, dayStart);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static readonly string[] FirstNames = ["Rita", "Omar", "Lena", "Hiro", "Ines", "Tomas", "Aisha", "Piotr", "Maya", "Kofi", "Elena", "Raj"];

    private static readonly string[] LastNames = ["Moreno", "Haddad", "Novak", "Tanaka", "Silva", "Berg", "Okafor", "Kowalski", "Levi", "Mensah", "Rossi", "Patel"];
}
