using Microsoft.Extensions.Logging;

namespace PtHub.Grains.Waitlist;

/// <summary>The reminder that wakes an opening's offers to send a wave due while nobody called (and after a restart).</summary>
internal static partial class OfferReminder
{
    public const string Name = "offer-waves";

    /// <summary>Registers it unless it stands; the waves still go out whenever the desk or a patient calls if this fails.</summary>
    public static async Task EnsureAsync(Grain grain, TimeSpan period, ILogger logger)
    {
        try
        {
            if (await grain.GetReminder(Name) is null)
            {
                await grain.RegisterOrUpdateReminder(Name, period, period);
            }
        }
        catch (Exception ex) when (ex is ReminderException or TimeoutException or OrleansException or InvalidOperationException)
        {
            LogFailed(logger, ex, grain.GetPrimaryKeyString());
        }
    }

    /// <summary>Drops it; a stale one only wakes a grain with nothing left to do, which drops it then.</summary>
    public static async Task DropAsync(Grain grain, ILogger logger)
    {
        try
        {
            if (await grain.GetReminder(Name) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is ReminderException or TimeoutException or OrleansException or InvalidOperationException)
        {
            LogFailed(logger, ex, grain.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offers {Key}: could not register or drop the reminder that sends the waves")]
    private static partial void LogFailed(ILogger logger, Exception ex, string key);
}
