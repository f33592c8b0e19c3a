using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PtHub.Web.Hardening;

namespace PtHub.Web.Hubs;

/// <summary>
/// The live hub's limits per connection: calls per second (every invocation passes here, as a hub filter), views
/// watched at once and refused joins (counted by the hub). Going over one closes the connection: the client is told
/// why (<see cref="IDashboardClient.Closing"/>), the call that went over is answered with the same reason, and the
/// connection is aborted; its screen reconnects afresh, with fresh limits, after its back-off.
/// </summary>
public sealed partial class HubGuard(IOptionsMonitor<HardeningOptions> options, ILogger<HubGuard> logger) : IHubFilter
{
    private HardeningOptions Limits => options.CurrentValue;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var limits = HubConnectionLimits.Of(context);
        if (limits.ClosedFor is { } closedFor)
        {
            throw new HubException(closedFor);
        }

        // Real elapsed time, not the clinic's clock (tests and the demo move that one).
        if (!limits.TryCall(TimeProvider.System.GetTimestamp(), TimeProvider.System.TimestampFrequency, Limits.HubInvocationsPerSecond))
        {
            await CloseAsync(context, CallerOf(invocationContext),
                $"More than {Limits.HubInvocationsPerSecond} calls in one second: the connection is closed.");
        }

        return await next(invocationContext);
    }

    /// <summary>Admits one more watched view, or closes the connection.</summary>
    public Task WatchAsync(HubCallerContext context, IDashboardClient caller, string view) =>
        HubConnectionLimits.Of(context).TryWatch(view, Limits.HubSubscriptionsPerConnection)
            ? Task.CompletedTask
            : CloseAsync(context, caller, $"More than {Limits.HubSubscriptionsPerConnection} views watched at once: the connection is closed.");

    /// <summary>Counts a refused join, and closes the connection when it is one too many.</summary>
    public Task RefusedAsync(HubCallerContext context, IDashboardClient caller) =>
        HubConnectionLimits.Of(context).TryRefuse(Limits.HubRefusedJoinsPerConnection)
            ? Task.CompletedTask
            : CloseAsync(context, caller, $"More than {Limits.HubRefusedJoinsPerConnection} refused subscriptions: the connection is closed.");

    /// <summary>Tells the client why, aborts the connection, and refuses the current call with the same reason.</summary>
    private async Task CloseAsync(HubCallerContext context, IDashboardClient caller, string reason)
    {
        if (HubConnectionLimits.Of(context).Close(reason))
        {
            LogClosed(logger, context.ConnectionId, context.UserIdentifier ?? "?", reason);
            try
            {
                await caller.Closing(reason);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is already going: the reason cannot reach it, the abort below still ends it here.
            }

            context.Abort();
        }

        throw new HubException(reason);
    }

    private static IDashboardClient CallerOf(HubInvocationContext invocationContext) =>
        ((Hub<IDashboardClient>)invocationContext.Hub).Clients.Caller;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live connection {ConnectionId} of {User} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string connectionId, string user, string reason);
}
