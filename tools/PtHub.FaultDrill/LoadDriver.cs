using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.FaultDrill;

/// <summary>What one command got.</summary>
public enum Outcome
{
    /// <summary>A 2xx: the command was accepted and must be in the final state.</summary>
    Accepted,

    /// <summary>A 4xx refusal (e.g. 409): the server says it changed nothing.</summary>
    Refused,

    /// <summary>A 5xx: the command failed; its effect is unknown, so it is retried with the same commandId.</summary>
    ServerError,

    /// <summary>No answer (connection refused or reset, timeout); effect unknown, retried with the same commandId.</summary>
    NoAnswer,
}

/// <summary>One command sent, as the drill saw it. Times are seconds since the scenario began.</summary>
public sealed record CommandRecord(
    string ClinicId, string VisitKey, string Action, int Node, double SentAt, double AnsweredAt, Outcome Outcome, int Status, string? Error,
    bool Retry);

/// <summary>A command that got a 2xx: it must be in the visit's history at the end.</summary>
public sealed record LedgerEntry(string ClinicId, string VisitId, string Action, int Node, double AnsweredAt);

/// <summary>
/// Drives a steady stream of front-desk commands over every live node: each visit walks book → arrive → check-in →
/// start (gym) → finish → check-out, one command at a time per visit, many visits at once. A failed command is
/// retried later with the same commandId (the API applies a command id once). Bounded by count and by the caller's
/// stop token.
/// </summary>
public sealed class LoadDriver(Nodes nodes, IReadOnlyList<ClinicSetup> clinics, DrillOptions options, Stopwatch clock)
{
    public static readonly string[] Steps = ["book", "arrive", "check-in", "start", "finish", "check-out"];

    private readonly Lock _gate = new();
    private readonly List<CommandRecord> _records = [];
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<VisitFlow> _flows = [];
    private readonly List<string> _anomalies = [];
    private readonly Random _random = new(8);
    private int _inFlight;

    public IReadOnlyList<CommandRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public IReadOnlyList<LedgerEntry> Ledger
    {
        get
        {
            lock (_gate)
            {
                return [.. _ledger];
            }
        }
    }

    /// <summary>Things the drill saw that are not failures of the run but worth a look (e.g. a retry refused).</summary>
    public IReadOnlyList<string> Anomalies
    {
        get
        {
            lock (_gate)
            {
                return [.. _anomalies];
            }
        }
    }

    public int StuckVisits
    {
        get
        {
            lock (_gate)
            {
                return _flows.Count(f => f.Abandoned);
            }
        }
    }

    public double Now => clock.Elapsed.TotalSeconds;

    /// <summary>Sends commands at the configured rate until <paramref name="stop"/> fires or the count bound is hit.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var running = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.Rate));
        var clinicTurn = 0;
        var sent = 0;
        try
        {
            while (sent < options.MaxCommands && await timer.WaitForNextTickAsync(stop))
            {
                // At most 64 commands in flight: when nodes stall, the drill does not pile up requests without end.
                if (Volatile.Read(ref _inFlight) >= 64)
                {
                    continue;
                }

                var clinic = clinics[clinicTurn++ % clinics.Count];
                if (Pick(clinic) is not { } flow)
                {
                    continue;
                }

                sent++;
                Interlocked.Increment(ref _inFlight);
                running.Add(StepAsync(flow));
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
            // The scenario ends the load.
        }

        await Task.WhenAll(running);
    }

    /// <summary>An idle visit of the clinic to move one step, or a new booking when the clinic has room for one.</summary>
    private VisitFlow? Pick(ClinicSetup clinic)
    {
        lock (_gate)
        {
            var open = _flows.Where(f => f.Clinic == clinic && !f.Done && !f.Abandoned).ToList();
            var idleCount = open.Count(f => !f.Busy);
            // Book when the clinic has room for a visit, but not always first: visits under way keep moving even
            // when bookings are refused.
            if (open.Count < options.ActivePerClinic && (idleCount == 0 || _random.NextDouble() < 0.3))
            {
                // A patient whose visit is under way, or was given up half-way, is not booked again.
                var busyPatients = _flows.Where(f => f.Clinic == clinic && !f.Done).Select(f => f.PatientId).ToHashSet();
                var free = clinic.PatientIds.Where(p => !busyPatients.Contains(p)).ToList();
                if (free.Count > 0)
                {
                    var patientId = free[_random.Next(free.Count)];
                    var flow = new VisitFlow(clinic, patientId, clinic.TherapistIds[_flows.Count % clinic.TherapistIds.Count],
                        DateTimeOffset.UtcNow.AddMinutes(2)) { Busy = true };
                    _flows.Add(flow);
                    return flow;
                }
            }

            var idle = open.Where(f => !f.Busy).ToList();
            if (idle.Count == 0)
            {
                return null;
            }

            var chosen = idle[_random.Next(idle.Count)];
            chosen.Busy = true;
            return chosen;
        }
    }

    private async Task StepAsync(VisitFlow flow)
    {
        try
        {
            await SendAsync(flow);
        }
        finally
        {
            lock (_gate)
            {
                flow.Busy = false;
            }

            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task SendAsync(VisitFlow flow)
    {
        var action = Steps[flow.Step];
        var node = nodes.Next();
        var sentAt = Now;
        bool retry;
        lock (_gate)
        {
            retry = flow.Failures > 0;
        }

        var path = flow.Step == 0 ? $"api/clinics/{flow.Clinic.Id}/visits" : $"api/clinics/{flow.Clinic.Id}/visits/{flow.VisitId}/{action}";
        object body = action switch
        {
            "book" => new
            {
                patientId = flow.PatientId, therapistId = flow.TherapistId, visitType = "follow-up",
                scheduledStart = flow.ScheduledStart, durationMinutes = 30, commandId = flow.CommandId,
            },
            "start" => new { commandId = flow.CommandId, roomId = "gym" },
            _ => new { commandId = flow.CommandId },
        };

        Outcome outcome;
        int status = 0;
        string? error = null;
        string? visitId = null;
        try
        {
            using var response = await nodes.Http.PostAsJsonAsync(nodes.Url(node, path), body);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                outcome = Outcome.Accepted;
                if (flow.Step == 0)
                {
                    visitId = (await response.Content.ReadFromJsonAsync<JsonNode>())!["visitId"]!.GetValue<string>();
                }
            }
            else
            {
                outcome = status is >= 400 and < 500 ? Outcome.Refused : Outcome.ServerError;
                error = Trim(await response.Content.ReadAsStringAsync());
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            outcome = Outcome.NoAnswer;
            error = Trim(ex.GetBaseException().Message);
        }

        var answeredAt = Now;
        var key = flow.VisitId ?? $"booking:{flow.CommandId:N}";
        lock (_gate)
        {
            _records.Add(new CommandRecord(flow.Clinic.Id, key, action, node, sentAt, answeredAt, outcome, status, error, retry));
            switch (outcome)
            {
                case Outcome.Accepted:
                    flow.VisitId ??= visitId;
                    _ledger.Add(new LedgerEntry(flow.Clinic.Id, flow.VisitId!, action, node, answeredAt));
                    flow.Advance();
                    break;
                case Outcome.Refused when status == (int)HttpStatusCode.Conflict && flow.Failures > 0:
                    // A retry refused after an unknown outcome: the earlier attempt may have been applied after all.
                    flow.NeedsCheck = true;
                    break;
                case Outcome.Refused:
                    flow.Abandoned = true;
                    _anomalies.Add($"{action} of {key} in {flow.Clinic.Id} refused ({status}): {error}");
                    break;
                default:
                    flow.Failures++;
                    break;
            }
        }

        if (flow.NeedsCheck)
        {
            await CheckRefusedRetryAsync(flow, action, status, error);
        }
    }

    /// <summary>
    /// A retried command (same commandId) was refused. If the visit's history shows the action, an earlier attempt
    /// that answered an error was applied and the retry's refusal means the command id was not recognised.
    /// </summary>
    private async Task CheckRefusedRetryAsync(VisitFlow flow, string action, int status, string? error)
    {
        // A booking's visit id is its command id (the API derives it so that a retried booking finds its visit).
        var visitId = flow.VisitId ?? flow.CommandId.ToString("N");
        try
        {
            JsonNode? history = null;
            try
            {
                history = await nodes.GetJsonAsync($"api/clinics/{flow.Clinic.Id}/visits/{visitId}", CancellationToken.None);
            }
            catch (InvalidOperationException) when (flow.VisitId is null)
            {
                // No such visit: the booking was never applied.
            }

            var applied = history?["events"]?.AsArray().Any(e => e?["action"]?.GetValue<string>() == action) == true;
            var note = applied
                ? $"{action} of {visitId}: an attempt that answered an error was applied; its retry with the same commandId was refused ({status}: {error})"
                : $"{action} of {visitId} refused on retry ({status}: {error}) and not in the history";
            lock (_gate)
            {
                flow.NeedsCheck = false;
                if (applied)
                {
                    flow.VisitId ??= visitId;
                    flow.Advance();
                }
                else
                {
                    flow.Abandoned = true;
                }

                _anomalies.Add(note);
            }
        }
        catch (InvalidOperationException ex)
        {
            lock (_gate)
            {
                flow.NeedsCheck = false;
                flow.Abandoned = true;
                _anomalies.Add($"{action} of {flow.VisitId}: refused on retry and the history could not be read: {ex.Message}");
            }
        }
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed class VisitFlow(ClinicSetup clinic, string patientId, string therapistId, DateTimeOffset scheduledStart)
    {
        public ClinicSetup Clinic { get; } = clinic;

        public string PatientId { get; } = patientId;

        public string TherapistId { get; } = therapistId;

        public DateTimeOffset ScheduledStart { get; } = scheduledStart;

        public string? VisitId { get; set; }

        public int Step { get; private set; }

        /// <summary>The id of the current step's command: the same on every retry of that step.</summary>
        public Guid CommandId { get; private set; } = Guid.NewGuid();

        public int Failures { get; set; }

        public bool Busy { get; set; }

        public bool NeedsCheck { get; set; }

        public bool Abandoned { get; set; }

        public bool Done => Step >= Steps.Length;

        public void Advance()
        {
            Step++;
            Failures = 0;
            CommandId = Guid.NewGuid();
        }
    }
}
