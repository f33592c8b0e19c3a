using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PtHub.Harness;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;
using PtHub.Web;
using PtHub.Web.Endpoints;

namespace PtHub.Bench.Slots;

/// <summary>One free-slot query over HTTP: how long until the whole body was read, the slots it held, its size.</summary>
internal sealed record HttpTiming(double Ms, int Slots, int Bytes);

/// <summary>
/// One real PtHub node in this process, built as Program.cs builds it (<see cref="PtHubWebApp.Create"/>): Kestrel on
/// loopback, a co-hosted silo, a fresh SQLite file, no demo clinic, log level Warning.
/// </summary>
internal sealed class Node : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication _app;
    private readonly string _dataDirectory;
    private readonly HttpClient _http;
    private readonly IGrainFactory _grains;
    private string[] _visitIds = [];
    private string[] _patientIds = [];

    private Node(WebApplication app, Uri address, string dataDirectory, System.Net.CookieContainer cookies, CountingEventLog eventLog)
    {
        EventLog = eventLog;
        _app = app;
        _dataDirectory = dataDirectory;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        _grains = app.Services.GetRequiredService<IGrainFactory>();
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Counts the node's visit-event appends (SQLite write transactions).</summary>
    public CountingEventLog EventLog { get; }

    public static async Task<Node> StartAsync()
    {
        CountingEventLog? eventLog = null;
        var (app, address, directory, cookies) = await EmbeddedNode.StartAsync("pthub-bench-slots", configure: builder =>
        {
            // Wrap the node's own event log (registered by a factory) in the counting pass-through.
            var original = builder.Services.Last(d => d.ServiceType == typeof(IVisitEventLog));
            var factory = original.ImplementationFactory ?? throw new InvalidOperationException("The visit event log is expected to be registered by a factory.");
            builder.Services.Remove(original);
            builder.Services.AddSingleton<IVisitEventLog>(sp => eventLog = new CountingEventLog((IVisitEventLog)factory(sp)));
        });
        _ = app.Services.GetRequiredService<IVisitEventLog>();
        return new Node(app, address, directory, cookies, eventLog!);
    }

    /// <summary>Configures the clinic, registers the patients and books every planned visit, all over REST. Returns the seconds each part took.</summary>
    public async Task<SetupFigures> SetUpAsync(SyntheticClinic clinic, int patients, int concurrency)
    {
        var started = Stopwatch.GetTimestamp();
        using (var response = await _http.PutAsJsonAsync($"/api/clinics/{SyntheticClinic.ClinicId}", clinic.Request, Json))
        {
            await EnsureAsync(response, "configure the clinic");
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var patientIds = new string[patients];
        await Parallel.ForEachAsync(Enumerable.Range(0, patients), parallel, async (i, ct) =>
        {
            using var registered = await _http.PostAsJsonAsync($"/api/clinics/{SyntheticClinic.ClinicId}/patients", new
            {
                firstName = FirstNames[i % FirstNames.Length],
                lastName = LastNames[i / FirstNames.Length % LastNames.Length],
                birthDate = new DateOnly(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                phone = $"555-{i % 10000:0000}",
                confirmedNew = true,
            }, ct);
            await EnsureAsync(registered, "register a patient");
            patientIds[i] = (await registered.Content.ReadFromJsonAsync<JsonObject>(ct))!["patientId"]!.GetValue<string>();
        });
        var registeredAt = Stopwatch.GetTimestamp();
        Log.Line($"node: clinic configured, {patients} patients registered in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; booking {clinic.Visits.Count} visits");

        // Interleaved over the days, so that the calls in flight mostly go to different clinic-day grains.
        var order = clinic.Visits.GroupBy(v => v.Day).SelectMany(day => day.Select((visit, i) => (Visit: visit, Index: i)))
            .OrderBy(x => x.Index).ThenBy(x => x.Visit.Day).Select(x => x.Visit).ToArray();
        var booked = 0;
        var visitIds = new string[order.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, order.Length), parallel, async (i, ct) =>
        {
            var visit = order[i];
            using var response = await _http.PostAsJsonAsync($"/api/clinics/{SyntheticClinic.ClinicId}/visits",
                new BookVisitBody(patientIds[visit.Patient], visit.TherapistId, SyntheticClinic.VisitType, visit.Start, visit.Minutes, null, visit.RoomId), Json, ct);
            await EnsureAsync(response, $"book {visit}");
            visitIds[i] = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["visitId"]!.GetValue<string>();
            if (Interlocked.Increment(ref booked) % 500 == 0)
            {
                Log.Line($"node: {booked} of {order.Length} visits booked");
            }
        });
        _visitIds = visitIds;
        _patientIds = patientIds;
        var bookingSeconds = Stopwatch.GetElapsedTime(registeredAt).TotalSeconds;
        Log.Line($"node: {order.Length} visits booked in {bookingSeconds:0.0} s ({order.Length / bookingSeconds:0} visits/s)");
        return new SetupFigures(Math.Round(Stopwatch.GetElapsedTime(started, registeredAt).TotalSeconds, 2), Math.Round(bookingSeconds, 2),
            Math.Round(order.Length / bookingSeconds, 1));
    }

    public static string Url(DateOnly from, int days, string? therapistId) =>
        $"/api/clinics/{SyntheticClinic.ClinicId}/free-slots?visitType={SyntheticClinic.VisitType}" +
        (therapistId is null ? "" : $"&therapistId={therapistId}") +
        $"&from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&days={days}";

    /// <summary>GET a free-slot query; the time runs from sending to having read the whole body.</summary>
    public async Task<HttpTiming> GetAsync(string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        return new HttpTiming(ms, json.RootElement.GetProperty("slots").GetArrayLength(), body.Length);
    }

    /// <summary>Deactivates every idle grain (Orleans' own activation collection, age 0), so the next query finds its grains cold.</summary>
    public async Task<int> DeactivateAllAsync()
    {
        var management = _grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        return await management.GetTotalActivationCount();
    }

    /// <summary>
    /// Activates every booked visit's grain at once (each reads its state from SQLite), as the clinic-day grains of a
    /// cold query do between them; ms until all have answered.
    /// </summary>
    public Task<double> ActivateVisitsAsync() => TimeAsync(() => Task.WhenAll(_visitIds.Select(id => _grains.GetGrain<IVisitGrain>(id).GetSnapshot())));

    /// <summary>
    /// Activates visit grains one at a time (nothing else running): per activation, ms until it answered and ms of
    /// that spent in the visit event log's append.
    /// </summary>
    public async Task<List<(double Ms, double AppendMs)>> ActivateVisitsOneByOneAsync(int count)
    {
        var timings = new List<(double, double)>(count);
        foreach (var id in _visitIds.Take(count))
        {
            var appendMs = EventLog.Milliseconds;
            var started = Stopwatch.GetTimestamp();
            await _grains.GetGrain<IVisitGrain>(id).GetSnapshot();
            timings.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, EventLog.Milliseconds - appendMs));
        }

        return timings;
    }

    /// <summary>Orleans' idle age after which an untouched grain is deactivated (PtHub leaves the default).</summary>
    public TimeSpan CollectionAge => _app.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.CollectionAge;

    /// <summary>Activates every registered patient's grain at once, as the clinic-day grains' LoadPatientsAsync does; ms.</summary>
    public Task<double> ActivatePatientsAsync() => TimeAsync(() => Task.WhenAll(_patientIds.Select(id => _grains.GetGrain<IPatientGrain>(id).Get())));

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Activations by grain class (short name).</summary>
    public async Task<Dictionary<string, int>> ActivationsAsync()
    {
        var statistics = await _grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.GroupBy(s => ShortName(s.GrainType)).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
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

    public async ValueTask DisposeAsync()
    {
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
}

/// <summary>Set-up over REST: seconds to configure the clinic and register the patients, seconds to book the visits.</summary>
internal sealed record SetupFigures(double ConfigureAndRegisterSeconds, double BookingSeconds, double VisitsPerSecond);
