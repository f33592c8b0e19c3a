using System.Net;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PtHub.Harness;
using PtHub.Grains.Contracts;
using PtHub.Web.Hubs;

namespace PtHub.Bench;

/// <summary>A visit booked for the benchmark: its clinic (index) and id.</summary>
internal sealed record BenchVisit(int Clinic, string VisitId);

/// <summary>
/// One real PtHub node in this process (Kestrel on loopback, co-hosted silo, a fresh SQLite file), its clinics
/// and visits made through the REST API, and the screens connected over the real SignalR client from child processes.
/// </summary>
internal sealed class PtHubSystem : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;
    private readonly BenchOptions _options;
    private readonly ClientLayout _layout;
    private readonly HttpClient _http;
    private ScreenProcesses? _screens;
    private readonly ConcurrentDictionary<(string VisitId, string Status), PendingPush> _pending = new();
    private readonly ViewCounters _counters = new();
    private readonly string[] _clinicIds;
    private RoundTally? _tally;

    private readonly CookieContainer _cookies;

    private PtHubSystem(WebApplication app, Uri address, string dataDirectory, CookieContainer cookies, BenchOptions options, ClientLayout layout)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _options = options;
        _layout = layout;
        Address = address;
        _cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        _clinicIds = [.. Enumerable.Range(0, layout.Clinics).Select(i => $"bench-{i:000}")];
    }

    public Uri Address { get; }

    /// <param name="postgres">Run the node on this PostgreSQL database instead of the embedded SQLite file.</param>
    public static async Task<PtHubSystem> StartAsync(BenchOptions options, ClientLayout layout, string? postgres = null)
    {
        PtHubSystem? system = null;
        string[] storage = postgres is null ? [] :
            ["--PtHub:Storage=PostgreSql", $"--PtHub:PostgreSqlConnectionString={postgres}", "--PtHub:AdvertisedAddress=127.0.0.1"];
        var (app, address, directory, cookies) = await EmbeddedNode.StartAsync("pthub-bench", storage, configure: builder =>
            builder.Services.AddSingleton<IHubContext<DashboardHub, IDashboardClient>>(sp =>
                new ProbedHubContext(sp.GetRequiredService<IHubContext<DashboardHub>>(), delta => system?.OnForward(delta))));
        system = new PtHubSystem(app, address, directory, cookies, options, layout);
        return system;
    }

    /// <summary>Opens every clinic's board once, as a screen would, so every clinic-day is active.</summary>
    public async Task ActivateDaysAsync() =>
        await Parallel.ForEachAsync(_clinicIds, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency }, async (clinicId, ct) =>
        {
            using var response = await _http.GetAsync($"/api/clinics/{clinicId}/board", ct);
            await EnsureAsync(response, "open a board");
        });

    /// <summary>
    /// Configures the clinics, registers one patient per visit and books the visits for today, each therapist's
    /// visits three at a time (their overlap capacity) one after another from a few minutes from now, so that no
    /// booking conflicts with the schedule. Returns the visits in the order the rounds use them: interleaved over the clinics.
    /// </summary>
    public async Task<IReadOnlyList<BenchVisit>> SetUpAsync(int visitsNeeded)
    {
        var zone = MiddayZone();
        var perClinic = (visitsNeeded + _layout.Clinics - 1) / _layout.Clinics;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency };
        await Parallel.ForEachAsync(Enumerable.Range(0, _layout.Clinics), parallel, async (c, ct) =>
        {
            using var response = await _http.PutAsJsonAsync($"/api/clinics/{_clinicIds[c]}", ClinicConfig(c, zone), ct);
            await EnsureAsync(response, "configure a clinic");
        });

        // Each therapist takes every other visit, three at once; the waves of three follow one another until late evening.
        var firstStart = new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(3);
        var waves = ((perClinic + Therapists - 1) / Therapists + Overlap - 1) / Overlap;
        var local = TimeZoneInfo.ConvertTime(firstStart, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var minutesLeft = (int)(local.Date.AddHours(23.5) - local.DateTime).TotalMinutes;
        var duration = Math.Min(45, minutesLeft / waves);
        if (duration < 5)
        {
            throw new InvalidOperationException($"{perClinic} visits per clinic do not fit in what is left of today; use fewer commands or rounds, or more clinics.");
        }

        Log.Line($"PtHub: {_layout.Clinics} clinics configured (time zone {zone}); booking {perClinic * _layout.Clinics} visits of {duration} min");
        var slots = Enumerable.Range(0, perClinic).SelectMany(slot => Enumerable.Range(0, _layout.Clinics).Select(c => (Clinic: c, Slot: slot))).ToArray();
        var visits = new BenchVisit[slots.Length];
        var booked = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, slots.Length), parallel, async (i, ct) =>
        {
            var (clinic, slot) = slots[i];
            var clinicId = _clinicIds[clinic];
            using var registered = await _http.PostAsJsonAsync($"/api/clinics/{clinicId}/patients", new
            {
                firstName = FirstNames[i % FirstNames.Length],
                lastName = LastNames[i / FirstNames.Length % LastNames.Length],
                birthDate = new DateOnly(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                phone = $"555-{i % 10000:0000}",
                confirmedNew = true,
            }, ct);
            await EnsureAsync(registered, "register a patient");
            var patientId = (await registered.Content.ReadFromJsonAsync<JsonObject>(ct))!["patientId"]!.GetValue<string>();
            using var booking = await _http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits", new
            {
                patientId,
                therapistId = $"t{1 + slot % Therapists}",
                visitType = "follow-up",
                scheduledStart = firstStart.AddMinutes(slot / Therapists / Overlap * duration),
                durationMinutes = duration,
            }, ct);
            await EnsureAsync(booking, "book a visit");
            var visitId = (await booking.Content.ReadFromJsonAsync<JsonObject>(ct))!["visitId"]!.GetValue<string>();
            visits[i] = new BenchVisit(clinic, visitId);
            if (Interlocked.Increment(ref booked) % 500 == 0)
            {
                Log.Line($"PtHub: {booked} of {slots.Length} visits booked");
            }
        });
        return visits;
    }

    /// <summary>
    /// Connects every screen over WebSockets from <see cref="BenchOptions.ScreenProcesses"/> child processes, with the
    /// admin's sign-in cookie, and subscribes it (it takes its snapshot).
    /// </summary>
    public async Task ConnectAsync()
    {
        _screens = await ScreenProcesses.StartAsync("PtHub", _options.ScreenProcesses, _layout, new Uri(Address, DashboardHub.Path),
            _cookies.GetCookieHeader(Address), "upserts", _options.ConnectConcurrency,
            (i, spec) => spec.View switch
            {
                View.Board => new WorkerScreen(i, nameof(IDashboardClient.BoardChanged), nameof(DashboardHub.SubscribeBoard), _clinicIds[spec.Clinic], Timed: true),
                View.Lobby => new WorkerScreen(i, nameof(IDashboardClient.LobbyChanged), nameof(DashboardHub.SubscribeLobby), _clinicIds[spec.Clinic], Timed: false),
                _ => new WorkerScreen(i, nameof(IDashboardClient.ManagerChanged), nameof(DashboardHub.SubscribeManager), _clinicIds[spec.Clinic], Timed: false),
            },
            OnScreen);
    }

    /// <summary>The screens' processes (null before <see cref="ConnectAsync"/>).</summary>
    public ScreenProcesses? Screens => _screens;

    /// <summary>
    /// Drives each visit through arrive, check-in, start (in the gym), finish and check-out over REST,
    /// <see cref="BenchOptions.Concurrency"/> visits at a time, and times each command to each board screen of its clinic.
    /// </summary>
    public async Task<RoundTally> RunRoundAsync(IReadOnlyList<BenchVisit> visits, double rate)
    {
        var commands = visits.Count * Step.Cycle.Count;
        var tally = new RoundTally(commands * _layout.MaxBoardClientsPerClinic, commands, timeCommands: true, _counters);
        _pending.Clear();
        _tally = tally;
        tally.Start();
        var next = -1;
        var workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < visits.Count; i = Interlocked.Increment(ref next))
            {
                for (var step = 0; step < Step.Cycle.Count; step++)
                {
                    if (!await CommandAsync(tally, visits[i], step, rate))
                    {
                        break;
                    }
                }
            }
        }));
        await Task.WhenAll(workers);
        tally.Stop();
        await tally.DrainAsync(TimeSpan.FromSeconds(_options.DrainSeconds));
        _tally = null;
        return tally;
    }

    private async Task<bool> CommandAsync(RoundTally tally, BenchVisit visit, int stepIndex, double rate)
    {
        var step = Step.Cycle[stepIndex];
        await tally.PaceAsync(tally.NextCommand(), rate);
        var clinicId = _clinicIds[visit.Clinic];
        var url = $"/api/clinics/{clinicId}/visits/{visit.VisitId}/{step.Action}";
        var expected = _layout.BoardClients(visit.Clinic);
        var pending = new PendingPush(visit.Clinic, stepIndex, expected);
        _pending[(visit.VisitId, step.Status)] = pending;
        using var response = step.NeedsRoom
            ? await _http.PostAsJsonAsync(url, new { roomId = "gym" })
            : await _http.PostAsync(url, null);
        var answered = Stopwatch.GetTimestamp();
        tally.CommandTimes!.Add(pending.Sent, answered);
        tally.StepCommandTimes![stepIndex].Add(pending.Sent, answered);
        if (response.IsSuccessStatusCode)
        {
            tally.Accept(expected);
            return true;
        }

        tally.Refuse();
        _pending.TryRemove((visit.VisitId, step.Status), out _);
        if (tally.Refused <= 5)
        {
            Log.Line($"PtHub: {step.Action} of {visit.VisitId} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return false;
    }

    /// <summary>The bridge hands SignalR a board delta: the first one that shows a pending command's visit in its new status marks its hand-over.</summary>
    /// Returns what to do once SignalR has written that delta to every connection of the group.
    private Action? OnForward(BoardDelta delta)
    {
        var forwarded = Stopwatch.GetTimestamp();
        if (_tally is not { } tally)
        {
            return null;
        }

        List<PendingPush>? firsts = null;
        foreach (var row in delta.Upserts)
        {
            if (_pending.TryGetValue((row.VisitId, StatusCodes[row.Status]), out var pending)
                && Interlocked.CompareExchange(ref pending.Forwarded, forwarded, 0) == 0)
            {
                tally.ForwardTimes!.Add(pending.Sent, forwarded);
                (firsts ??= []).Add(pending);
            }
        }

        return firsts is null ? null : () =>
        {
            var written = Stopwatch.GetTimestamp();
            foreach (var pending in firsts)
            {
                tally.WrittenTimes!.Add(pending.Sent, written);
            }
        };
    }

    /// <summary>
    /// A screen got a message (in its process, at <paramref name="received"/>); for a board screen the keys are the
    /// delta's upserts as visitId/status: the first that shows a pending command's visit in its new status ends that sample.
    /// </summary>
    private void OnScreen(ClientSpec spec, long received, int bytes, string[] upserts)
    {
        _counters.Add(spec.View, bytes);
        if (spec.View != View.Board || _tally is not { } tally)
        {
            return;
        }

        foreach (var key in upserts)
        {
            var slash = key.LastIndexOf('/');
            if (_pending.TryGetValue((key[..slash], key[(slash + 1)..]), out var pending)
                && pending.Clinic == spec.Clinic
                && Interlocked.Exchange(ref pending.Seen[spec.Index], 1) == 0)
            {
                tally.Latencies.Add(pending.Sent, received);
                tally.StepLatencies![pending.Step].Add(pending.Sent, received);
            }
        }
    }

    private static object ClinicConfig(int clinic, string zone) => new
    {
        name = $"Bench clinic {clinic:000}",
        timeZoneId = zone,
        openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "00:00:00", closes = "23:59:00" }),
        rooms = new object[]
        {
            new { id = "gym", name = "Gym", kind = "gym", capacity = 20 },
            new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 },
            new { id = "room-2", name = "Room 2", kind = "private", capacity = 1 },
            new { id = "room-3", name = "Room 3", kind = "private", capacity = 1 },
        },
        therapists = new object[]
        {
            new { id = "t1", displayName = "Ann P., PT", maxConcurrentPatients = Overlap },
            new { id = "t2", displayName = "Bob Q., PTA", maxConcurrentPatients = Overlap },
        },
    };

    /// <summary>A fixed-offset zone where it is about noon now, so the clinics' day does not roll over mid-run.</summary>
    private static string MiddayZone()
    {
        var hours = 12 - DateTime.UtcNow.Hour;
        var zone = hours switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{hours.ToString(CultureInfo.InvariantCulture)}",
            _ => $"Etc/GMT+{(-hours).ToString(CultureInfo.InvariantCulture)}",
        };
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : "Etc/UTC";
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Therapists per clinic, and how many patients each may have at once.</summary>
    private const int Therapists = 2;

    private const int Overlap = 3;

    private static readonly Dictionary<VisitStatus, string> StatusCodes = Enum.GetValues<VisitStatus>().ToDictionary(s => s, s => s.ToCode());

    private static readonly string[] FirstNames = ["Rita", "Omar", "Lena", "Hiro", "Ines", "Tomas", "Aisha", "Piotr", "Maya", "Kofi", "Elena", "Raj"];

    private static readonly string[] LastNames = ["Moreno", "Haddad", "Novak", "Tanaka", "Silva", "Berg", "Okafor", "Kowalski", "Levi", "Mensah", "Rossi", "Patel"];

    public async ValueTask DisposeAsync()
    {
        if (_screens is not null)
        {
            await _screens.DisposeAsync();
        }

        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; leaving it behind is harmless.
        }
    }

    /// <summary>A command on its way: when it was sent, and which board screens of its clinic have seen it.</summary>
    private sealed class PendingPush(int clinic, int step, int boardScreens)
    {
        public int Step { get; } = step;

        public long Sent { get; } = Stopwatch.GetTimestamp();

        public int Clinic { get; } = clinic;

        public int[] Seen { get; } = new int[boardScreens];

        /// <summary>When the bridge handed the first delta showing the change to SignalR (0: not yet).</summary>
        public long Forwarded;
    }
}
