using PtHub.Grains.Contracts;

namespace PtHub.Grains.Referrals;

/// <summary>
/// A referral's first visit and whether it converted (Clinicient's definition): the patient attended (checked out) a
/// visit dated from the day the referral was received through 7 days after it. Pure.
/// </summary>
public static class ReferralConversion
{
    public const int WithinDays = 7;

    /// <summary>The patient's earliest visit dated on or after the referral was received; entered in error does not count.</summary>
    public static VisitSnapshot? FirstVisit(Referral referral, IEnumerable<VisitSnapshot> visits) =>
        visits.Where(v => v.Date >= referral.ReceivedOn && v.Status != VisitStatus.EnteredInError).MinBy(v => v.ScheduledStart);

    public static bool Converted(Referral referral, IEnumerable<VisitSnapshot> visits) =>
        visits.Any(v => v.Status == VisitStatus.CheckedOut && v.Date >= referral.ReceivedOn && v.Date.DayNumber - referral.ReceivedOn.DayNumber <= WithinDays);

    /// <summary>Converted / referrals as a whole percentage, halves away from zero; 0 with no referrals.</summary>
    public static int Percent(int converted, int referrals) =>
        referrals == 0 ? 0 : (int)Math.Round(100.0 * converted / referrals, MidpointRounding.AwayFromZero);
}
