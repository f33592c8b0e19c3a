using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

/// <summary>Which waiting patients fit an opening, in the order to offer them: priority, then who waited longest. Pure.</summary>
public static class WaitlistMatch
{
    public static IEnumerable<WaitlistEntry> For(Opening opening, ClinicConfig config, IEnumerable<WaitlistEntry> entries)
    {
        var local = TimeZoneInfo.ConvertTime(opening.Start, config.TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return entries
            .Where(e => e.BookedVisitId is null)
            .Where(e => e.TherapistId is null || e.TherapistId == opening.TherapistId)
            .Where(e => e.Days.Count == 0 || e.Days.Contains(local.DayOfWeek))
            .Where(e => (e.Earliest is null || time >= e.Earliest) && (e.Latest is null || time <= e.Latest))
            .Where(e => (config.FindVisitType(e.VisitTypeCode)?.DefaultMinutes ?? int.MaxValue) <= opening.Minutes)
            .OrderBy(e => e.Priority).ThenBy(e => e.AddedAt).ThenBy(e => e.EntryId, StringComparer.Ordinal);
    }
}
