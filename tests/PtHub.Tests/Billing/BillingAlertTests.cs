using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Billing;

/// <summary>The front desk's billing alerts at their boundaries.</summary>
public sealed class BillingAlertTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);
    private static readonly BillingOptions Options = new();

    private static VisitSnapshot Visit(VisitStatus status = VisitStatus.Booked, CopayPayment? copay = null) =>
        new("v", "c", "p", Day, "follow-up", new DateTimeOffset(Day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), 45, status,
            default, "ann", null, status.IsOnSite() ? default(DateTimeOffset) : null, null, null, null, false, false, null, 1, null, [], copay);

    private static PatientRecord Patient(Coverage? coverage = null, Authorization? auth = null, decimal medicareAllowed = 0,
        int treatmentDays = 0, DateOnly? planStart = null) =>
        new("p", new PatientDetails("c", "Jane", "Doe", new DateOnly(1950, 1, 1), null, null), default,
            coverage, auth is null ? null : [auth], medicareAllowed == 0 ? null : [new AllowedAmount(Day.Year, medicareAllowed)],
            Enumerable.Range(1, treatmentDays).Select(i => Day.AddDays(-i)).ToValueList(), planStart);

    private static Coverage Covered(bool medicare = false, decimal copay = 0, VerificationStatus status = VerificationStatus.Verified) =>
        new("Payer", null, "M1", BillingMethod.Cms, copay, medicare, status, "desk", default);

    private static string[] Codes(VisitSnapshot visit, PatientRecord patient) => [.. BillingAlerts.For(visit, patient, Options).Select(a => a.Code)];

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, true)]
    [InlineData(1, true)]
    public void TwoAuthorizedVisitsLeftIsAnAlert(int visitsLeft, bool alert)
    {
        var auth = new Authorization("a", Day.AddDays(-30), Day.AddDays(30), 10, null, 10 - visitsLeft, 0);

        Assert.Equal(alert, Codes(Visit(), Patient(Covered(), auth)).Contains("auth-visits"));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(9, true)]
    public void FewerThanTenAuthorizedUnitsLeftIsAnAlert(int unitsLeft, bool alert)
    {
        var auth = new Authorization("a", Day.AddDays(-30), Day.AddDays(30), null, 40, 0, 40 - unitsLeft);

        Assert.Equal(alert, Codes(Visit(), Patient(Covered(), auth)).Contains("auth-units"));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(7, true)]
    [InlineData(0, true)]
    public void AnAuthorizationEndingWithinSevenDaysIsAnAlert(int daysLeft, bool alert)
    {
        var auth = new Authorization("a", Day.AddDays(-30), Day.AddDays(daysLeft), 20, null, 0, 0);

        Assert.Equal(alert, Codes(Visit(), Patient(Covered(), auth)).Contains("auth-expiring"));
    }

    [Fact]
    public void AVisitOutsideOrPastItsAuthorizationIsBeyondIt()
    {
        var ended = new Authorization("a", Day.AddDays(-60), Day.AddDays(-1), 20, null, 0, 0);
        var usedUp = new Authorization("a", Day.AddDays(-30), Day.AddDays(30), 12, null, 12, 0);

        Assert.Contains("auth-none", Codes(Visit(), Patient(Covered(), ended)));
        Assert.Contains("auth-none", Codes(Visit(), Patient(Covered(), usedUp)));
        Assert.Equal("This visit is beyond the last authorized visit (12 authorized, 11 used, 1 booked).",
            BillingAlerts.BookingWarning(Patient(Covered(), usedUp with { VisitsUsed = 11 }), Day, alreadyBooked: 1));
        Assert.Null(BillingAlerts.BookingWarning(Patient(Covered(), usedUp with { VisitsUsed = 10 }), Day, alreadyBooked: 1));
    }

    [Theory]
    [InlineData(2232, null)]
    [InlineData(2233, "kx-near")]
    [InlineData(2480, "kx-near")]
    [InlineData(2481, "kx")]
    public void MedicareNearAndOverTheThreshold(int allowed, string? code)
    {
        // 2026's threshold is $2,480; "near" is above 90 % of it ($2,232).
        var codes = Codes(Visit(), Patient(Covered(medicare: true), medicareAllowed: allowed));

        Assert.Equal(code, codes.FirstOrDefault(c => c.StartsWith("kx", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheKxThresholdOfAYearMissingFromTheTableIsTheLatestBeforeIt()
    {
        Assert.Equal(2480m, Options.KxThreshold(2027));
        Assert.Equal(2230m, Options.KxThreshold(2023));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void TheTenthTreatmentDayNeedsAProgressReport(int daysSinceReport, bool due)
    {
        Assert.Equal(due, Codes(Visit(), Patient(Covered(medicare: true), treatmentDays: daysSinceReport)).Contains("progress-report"));
    }

    [Theory]
    [InlineData(82, false)]
    [InlineData(83, true)]
    public void RecertificationIsFlaggedAWeekBeforeNinetyDays(int daysIntoPlan, bool due)
    {
        Assert.Equal(due, Codes(Visit(), Patient(Covered(), planStart: Day.AddDays(-daysIntoPlan))).Contains("recert"));
    }

    [Fact]
    public void CopayIsDueOnceThePatientIsHereAndUntilCollected()
    {
        var patient = Patient(Covered(copay: 20));

        Assert.DoesNotContain("copay-due", Codes(Visit(VisitStatus.Booked), patient));
        Assert.Contains("copay-due", Codes(Visit(VisitStatus.Arrived), patient));
        Assert.DoesNotContain("copay-due", Codes(Visit(VisitStatus.Arrived, new CopayPayment(20, PaymentMethod.Card, "d", default)), patient));
    }

    [Fact]
    public void InsuranceAlertsFollowTheVerification()
    {
        Assert.Contains("no-insurance", Codes(Visit(), Patient()));
        Assert.Contains("insurance-unverified", Codes(Visit(), Patient(Covered(status: VerificationStatus.Unverified))));
        Assert.Contains("insurance-failed", Codes(Visit(), Patient(Covered(status: VerificationStatus.Failed))));
        Assert.DoesNotContain(Codes(Visit(), Patient(Covered())), c => c.Contains("insurance", StringComparison.Ordinal));
    }
}
