using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The free starts a public link page offers a patient (a reminder's "choose another time", a recall's booking): one
/// therapist, one length, from now over the next <see cref="Days"/> clinic days, at most <see cref="Max"/>, each with its
/// date and time in the clinic's time zone.
/// </summary>
internal static class PatientLinkSlots
{
    public const int Days = 14;
    public const int Max = 40;

    /// <param name="except">A start not to offer (the visit's own, when it is being moved).</param>
    public static async Task<VisitLinkSlot[]> AheadAsync(IGrainFactory grains, ClinicConfig config, string clinicId, string therapistId, int minutes,
        DateTimeOffset now, DateTimeOffset? except = null)
    {
        var today = config.LocalDate(now);
        var days = await Task.WhenAll(Enumerable.Range(0, Days).Select(d =>
            grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, today.AddDays(d))).FreeStarts(therapistId, minutes)));
        return [.. days.SelectMany(starts => starts)
            .Where(s => s > now && s != except)
            .Order()
            .Take(Max)
            .Select(s => TimeZoneInfo.ConvertTime(s, config.TimeZone))
            .Select(local => new VisitLinkSlot(local.ToUniversalTime(), ReminderPlanner.DateText(local), ReminderPlanner.TimeText(local)))];
    }
}
