using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Hubs;

/// <summary>
/// Audits refused hub joins without letting them flood the log. The first refusal of a user's call (same user,
/// action and hub method) is written at once; identical ones within <see cref="HardeningOptions.DeniedJoinCoalesceSeconds"/>
/// are only counted, and written as one row saying how many there were when the window ends (the periodic flush)
/// or the next one after it arrives. So a user writes at most two rows per call per window, however often they ask
/// and from however many connections (they share the count on this node).
/// </summary>
public sealed partial class DeniedJoinLog(IGrainFactory grains, IOptionsMonitor<HardeningOptions> options, ILogger<DeniedJoinLog> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string User, string Action, string Resource), Window> _windows = [];

    private TimeSpan Span => TimeSpan.FromSeconds(options.CurrentValue.DeniedJoinCoalesceSeconds);

    /// <summary>Records a refusal: written now when it is the first of its window, else counted.</summary>
    public async Task RecordAsync(ClaimsPrincipal user, string action, string resource, string source)
    {
        var key = (AuditTrail.Who(user), action, resource);
        var now = TimeProvider.System.GetUtcNow();
        Window? ended = null;
        lock (_gate)
        {
            if (_windows.TryGetValue(key, out var open) && now - open.Since < Span)
            {
                open.Repeats++;
                return;
            }

            ended = open;
            _windows[key] = new Window(user, source, now);
        }

        if (ended is { Repeats: > 0 })
        {
            await WriteRepeatsAsync(key, ended);
        }

        await AuditTrail.RecordAsync(grains, user, null, null, action, resource, AuditOutcomes.Denied, source);
    }

    /// <summary>Writes one row per window with repeats and ends every window that is over (all of them with <paramref name="all"/>).</summary>
    public async Task FlushAsync(bool all = false)
    {
        var now = TimeProvider.System.GetUtcNow();
        List<((string, string, string) Key, Window Window)> due;
        lock (_gate)
        {
            due = [.. _windows.Where(w => all || now - w.Value.Since >= Span).Select(w => (w.Key, w.Value))];
            foreach (var (key, _) in due)
            {
                _windows.Remove(key);
            }
        }

        foreach (var (key, window) in due.Where(d => d.Window.Repeats > 0))
        {
            await WriteRepeatsAsync(key, window);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Span);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFlushFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync(all: true);
    }

    private Task WriteRepeatsAsync((string User, string Action, string Resource) key, Window window) =>
        AuditTrail.RecordAsync(grains, window.User, null, null, key.Action,
            string.Create(CultureInfo.InvariantCulture, $"{key.Resource} (refused {window.Repeats} more times since {window.Since:O})"),
            AuditOutcomes.Denied, window.Source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the counts of repeated refused hub joins failed; they are lost")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    private sealed class Window(ClaimsPrincipal user, string source, DateTimeOffset since)
    {
        public ClaimsPrincipal User { get; } = user;

        public string Source { get; } = source;

        public DateTimeOffset Since { get; } = since;

        public int Repeats { get; set; }
    }
}
