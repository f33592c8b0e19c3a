using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Billing;

/// <summary>The profile's Medicare KX figures and plan-of-care dates (<see cref="BillingStatus"/>) at their boundaries.</summary>
public sealed class ProfileBillingStatusTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);
    private static readonly BillingOptions Options = new();

    private static PatientRecord Patient(bool medicare, decimal allowedThisYear, decimal allowedLastYear = 0, DateOnly? planStart = null) =>
        new("p", new PatientDetails("c", "Jane", "Doe", new DateOnly(1950, 1, 1), null, null), default,
            new Coverage("Medicare", null, "M1", BillingMethod.Cms, 0, medicare, VerificationStatus.Verified, "desk", default), null,
            [new AllowedAmount(Day.Year - 1, allowedLastYear), new AllowedAmount(Day.Year, allowedThisYear)], [Day.AddDays(-2), Day.AddDays(-1)], planStart);

    [Theory]
    [InlineData(2479.99, false)]
    [InlineData(2480, false)]
    [InlineData(2480.01, true)]
    public void KxIsRequiredOnlyAboveTheYearsThreshold(double allowed, bool required)
    {
        var status = BillingStatus.For(Patient(true, (decimal)allowed), Day, Options);

        Assert.Equal((2026, (decimal)allowed, 2480m, required), (status.Year, status.MedicareAmount, status.KxThreshold, status.KxModifierRequired));
    }

    [Fact]
    public void LastYearsAmountDoesNotCountAndANonMedicarePatientNeverNeedsKx()
    {
        Assert.Equal(0m, BillingStatus.For(Patient(true, 0, allowedLastYear: 5000), Day, Options).MedicareAmount);
        Assert.False(BillingStatus.For(Patient(false, 5000), Day, Options).KxModifierRequired);
    }

    [Fact]
    public void RecertificationIsDueNinetyDaysAfterThePlanStartsAndTreatmentDaysAreCounted()
    {
        var status = BillingStatus.For(Patient(true, 0, planStart: new DateOnly(2026, 6, 1)), Day, Options);

        Assert.Equal((new DateOnly(2026, 8, 30), 2, 10), (status.RecertificationDue, status.TreatmentDaysSinceProgressReport, status.ProgressReportEvery));
        Assert.Null(BillingStatus.For(Patient(true, 0), Day, Options).RecertificationDue);
    }
}
