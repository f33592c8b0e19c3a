using PtHub.Grains.Billing;

namespace PtHub.Tests.Billing;

/// <summary>
/// The worked examples of CMS Pub. 100-04, ch. 5, §20.2 and the edges of the unit table.
/// </summary>
public sealed class BillingUnitsTests
{
    private static UnitsResult Cms(params (string Code, int Minutes)[] services) => Compute(BillingMethod.Cms, services);

    private static UnitsResult PerCode(params (string Code, int Minutes)[] services) => Compute(BillingMethod.PerCode, services);

    private static UnitsResult Compute(BillingMethod method, (string Code, int Minutes)[] services) =>
        BillingUnits.Compute(method, [.. services.Select(s => new ServiceMinutes(s.Code, s.Minutes))]);

    [Fact]
    public void CmsExampleMoreUnitsToTheLongerService()
    {
        var result = Cms(("97112", 24), ("97110", 23));

        Assert.Equal(3, result.TimedUnits);
        Assert.Equal(2, result.UnitsByCode["97112"]);
        Assert.Equal(1, result.UnitsByCode["97110"]);
    }

    [Fact]
    public void CmsExampleEqualTimesGiveTwoAndOneNeverThree()
    {
        var result = Cms(("97112", 20), ("97110", 20));

        Assert.Equal(3, result.TimedUnits);
        Assert.Equal([1, 2], result.UnitsByCode.Values.Order());
        Assert.Equal(2, result.UnitsByCode["97110"]);
    }

    [Fact]
    public void CmsExampleLeftoverUnitGoesToTheLargerRemainderNotTheLongerService()
    {
        var result = Cms(("97110", 33), ("97140", 7));

        Assert.Equal(3, result.TimedUnits);
        Assert.Equal(2, result.UnitsByCode["97110"]);
        Assert.Equal(1, result.UnitsByCode["97140"]);
    }

    [Fact]
    public void CmsExampleFourServicesThreeUnitsShortestGetsNone()
    {
        var result = Cms(("97110", 18), ("97140", 13), ("97116", 10), ("97035", 8));

        Assert.Equal(3, result.TimedUnits);
        Assert.Equal(1, result.UnitsByCode["97110"]);
        Assert.Equal(1, result.UnitsByCode["97140"]);
        Assert.Equal(1, result.UnitsByCode["97116"]);
        Assert.Equal(0, result.UnitsByCode["97035"]);
    }

    [Fact]
    public void ThreeServicesOverAFullUnitAndTwoShortOnesBillOneEach()
    {
        var result = Cms(("97110", 18), ("97140", 13), ("97035", 10));

        Assert.Equal(3, result.TimedUnits);
        Assert.All(result.UnitsByCode.Values, units => Assert.Equal(1, units));
    }

    [Fact]
    public void CmsExampleThreeSevenMinuteServicesBillOneUnitOnly()
    {
        var result = Cms(("97112", 7), ("97110", 7), ("97140", 7));

        Assert.Equal(1, result.TimedUnits);
        Assert.Equal(1, result.UnitsByCode.Values.Sum());
        Assert.Equal(1, result.UnitsByCode["97110"]);
    }

    [Fact]
    public void SingleServiceOfThirtyThreeMinutesIsTwoUnits()
    {
        Assert.Equal(2, Cms(("97110", 33)).UnitsByCode["97110"]);
        Assert.Equal(2, PerCode(("97110", 33)).UnitsByCode["97110"]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(22, 1)]
    [InlineData(23, 2)]
    [InlineData(37, 2)]
    [InlineData(38, 3)]
    [InlineData(52, 3)]
    [InlineData(53, 4)]
    [InlineData(67, 4)]
    [InlineData(68, 5)]
    [InlineData(82, 5)]
    [InlineData(83, 6)]
    [InlineData(97, 6)]
    [InlineData(98, 7)]
    [InlineData(112, 7)]
    [InlineData(113, 8)]
    [InlineData(127, 8)]
    [InlineData(128, 9)]
    public void UnitTableBoundariesForOneCodeUnderBothMethods(int minutes, int units)
    {
        Assert.Equal(units, BillingUnits.TableUnits(minutes));
        foreach (var method in Enum.GetValues<BillingMethod>())
        {
            var result = Compute(method, [("97530", minutes)]);
            Assert.Equal(units, result.TimedUnits);
            Assert.Equal(units, result.TotalUnits);
            Assert.Equal(units, result.UnitsByCode["97530"]);
        }
    }

    [Theory]
    [InlineData(4, 3, 0)]
    [InlineData(4, 4, 1)]
    [InlineData(15, 7, 1)]
    [InlineData(15, 8, 2)]
    [InlineData(30, 7, 2)]
    [InlineData(30, 8, 3)]
    public void PooledTotalCrossesTheTableBoundaryAcrossTwoCodes(int first, int second, int units)
    {
        var result = Cms(("97110", first), ("97140", second));

        Assert.Equal(units, result.TimedUnits);
        Assert.Equal(units, result.UnitsByCode.Values.Sum());
    }

    [Fact]
    public void SameCodeListedTwiceIsSummedBeforeRounding()
    {
        var cms = Cms(("97110", 10), ("97110", 13));
        var perCode = PerCode(("97110", 10), ("97110", 13));

        Assert.Equal(2, cms.UnitsByCode["97110"]);
        Assert.Equal(2, perCode.UnitsByCode["97110"]);
        Assert.Single(cms.UnitsByCode);
    }

    [Fact]
    public void UntimedCodesAreOneUnitEachAndTheirMinutesNeverCount()
    {
        var result = Cms(("97161", 0), ("97010", 15), ("97010", 10), ("97110", 7));

        Assert.Equal(0, result.TimedUnits);
        Assert.Equal(2, result.TotalUnits);
        Assert.Equal(1, result.UnitsByCode["97161"]);
        Assert.Equal(1, result.UnitsByCode["97010"]);
        Assert.Equal(0, result.UnitsByCode["97110"]);
    }

    [Fact]
    public void UntimedAlongsideTimedAddsToTheTotalUnderBothMethods()
    {
        foreach (var method in Enum.GetValues<BillingMethod>())
        {
            var result = Compute(method, [("97162", 45), ("97110", 33), ("G0283", 15)]);
            Assert.Equal(2, result.TimedUnits);
            Assert.Equal(4, result.TotalUnits);
        }
    }

    [Fact]
    public void MethodsDifferWhereShortServicesPoolOrSplit()
    {
        (string, int)[] shortOnes = [("97110", 7), ("97112", 7), ("97140", 7), ("97530", 7)];
        (string, int)[] twoEights = [("97110", 8), ("97140", 8)];

        Assert.Equal(2, Cms(shortOnes).TimedUnits);
        Assert.Equal(0, PerCode(shortOnes).TimedUnits);
        Assert.Equal(1, Cms(twoEights).TimedUnits);
        Assert.Equal(2, PerCode(twoEights).TimedUnits);
    }

    [Fact]
    public void CodesAreMatchedIgnoringCaseAndReportedInCatalogueSpelling()
    {
        var result = Cms(("g0283", 20), (" 97110 ", 8));

        Assert.Equal(1, result.UnitsByCode["G0283"]);
        Assert.Equal(1, result.UnitsByCode["97110"]);
    }

    [Fact]
    public void NoServicesBillNothing()
    {
        var result = Cms();

        Assert.Equal(0, result.TotalUnits);
        Assert.Empty(result.UnitsByCode);
    }

    [Fact]
    public void UnknownCodeOrNegativeMinutesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => Cms(("99999", 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cms(("97110", -1)));
    }
}
