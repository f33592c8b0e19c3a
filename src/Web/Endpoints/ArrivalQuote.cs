using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The wait quoted to a patient who just arrived: the clinic-day live grain's estimate, kept on the visit so its
/// accuracy can be measured. Asked here, after the command, and not by the visit: a visit that awaited the live
/// grain could close a cycle (booking grain → visit → live grain rebuilding → booking grain).
/// </summary>
internal static partial class ArrivalQuote
{
    public static async Task RecordAsync(IGrainFactory grains, VisitSnapshot visit, HttpContext context)
    {
        if (visit.Status != VisitStatus.Arrived)
        {
            return;
        }

        try
        {
            if (await grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(visit.ClinicId, visit.Date)).QuoteWait(visit) is { } minutes)
            {
                await grains.GetGrain<IVisitGrain>(visit.VisitId).RecordQuotedWait(minutes);
            }
        }
        catch (Exception ex)
        {
            // The arrival is stored; the quote is a measurement. A failure to take it is logged, not the command's.
            LogQuoteFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ArrivalQuote)), ex, visit.VisitId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId}: the wait quoted at arrival could not be recorded")]
    private static partial void LogQuoteFailed(ILogger logger, Exception ex, string visitId);
}
