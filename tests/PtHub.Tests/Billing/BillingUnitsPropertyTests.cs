using PtHub.Grains.Billing;

namespace PtHub.Tests.Billing;

/// <summary>Invariants of both methods over many seeded random days of services.</summary>
public sealed class BillingUnitsPropertyTests
{
    private const int Cases = 2000;

    private static readonly ProcedureCode[] Timed = [.. ProcedureCatalog.All.Where(c => c.Timed).Take(6)];
    private static readonly ProcedureCode[] Untimed = [.. ProcedureCatalog.All.Where(c => !c.Timed).Take(3)];

    /// <summary>1–6 services drawn from a few codes so duplicates, ties and short services are frequent.</summary>
    private static IEnumerable<List<ServiceMinutes>> Days(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var day = new List<ServiceMinutes>();
            var count = random.Next(1, 7);
            for (var s = 0; s < count; s++)
            {
                var code = random.Next(5) == 0 ? Untimed[random.Next(Untimed.Length)] : Timed[random.Next(Timed.Length)];
                var minutes = random.Next(3) == 0 ? random.Next(0, 10) : random.Next(0, 61);
                day.Add(new ServiceMinutes(code.Code, minutes));
            }

            yield return day;
        }
    }

    private static Dictionary<string, int> TimedMinutesByCode(List<ServiceMinutes> day) =>
        day.Where(s => ProcedureCatalog.Find(s.Code)!.Timed)
            .GroupBy(s => s.Code)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));

    private static int DistinctUntimed(List<ServiceMinutes> day) =>
        day.Where(s => !ProcedureCatalog.Find(s.Code)!.Timed).Select(s => s.Code).Distinct().Count();

    [Fact]
    public void CmsTimedUnitsAreTheTableValueOfTheTimedTotal()
    {
        foreach (var day in Days(1))
        {
            var minutes = TimedMinutesByCode(day);
            var result = BillingUnits.Compute(BillingMethod.Cms, day);

            Assert.Equal(BillingUnits.TableUnits(minutes.Values.Sum()), result.TimedUnits);
            Assert.Equal(result.TimedUnits, minutes.Keys.Sum(code => result.UnitsByCode[code]));
            Assert.Equal(result.TimedUnits + DistinctUntimed(day), result.TotalUnits);
        }
    }

    [Fact]
    public void CmsNeverGivesACodeMoreThanTheRuleAllows()
    {
        foreach (var day in Days(2))
        {
            var minutes = TimedMinutesByCode(day);
            var result = BillingUnits.Compute(BillingMethod.Cms, day);
            var total = minutes.Values.Sum();

            foreach (var (code, codeMinutes) in minutes)
            {
                var units = result.UnitsByCode[code];
                Assert.InRange(units, codeMinutes / 15, codeMinutes / 15 + 1);
                if (codeMinutes < 8)
                {
                    Assert.True(units <= 1, $"{code} with {codeMinutes} min got {units} units");
                }

                if (codeMinutes % 15 == 0 || total < 8)
                {
                    Assert.Equal(codeMinutes / 15, units);
                }
            }
        }
    }

    [Fact]
    public void CmsLeftoverUnitsGoToTheLargestRemainders()
    {
        foreach (var day in Days(3))
        {
            var minutes = TimedMinutesByCode(day);
            var result = BillingUnits.Compute(BillingMethod.Cms, day);
            var gotLeftover = minutes.Where(m => result.UnitsByCode[m.Key] > m.Value / 15).Select(m => m.Value % 15).ToList();
            var missedOut = minutes.Where(m => result.UnitsByCode[m.Key] == m.Value / 15).Select(m => m.Value % 15).ToList();

            if (gotLeftover.Count > 0 && missedOut.Count > 0)
            {
                Assert.True(gotLeftover.Min() >= missedOut.Max(), string.Join(", ", day));
            }
        }
    }

    [Fact]
    public void PerCodeIsTheSumOfEachCodeRoundedOnItsOwn()
    {
        foreach (var day in Days(4))
        {
            var minutes = TimedMinutesByCode(day);
            var result = BillingUnits.Compute(BillingMethod.PerCode, day);

            foreach (var (code, codeMinutes) in minutes)
            {
                Assert.Equal(BillingUnits.TableUnits(codeMinutes), result.UnitsByCode[code]);
            }

            Assert.Equal(minutes.Values.Sum(BillingUnits.TableUnits), result.TimedUnits);
            Assert.Equal(result.TimedUnits + DistinctUntimed(day), result.TotalUnits);
        }
    }

    [Fact]
    public void OrderOfServicesNeverChangesTheResult()
    {
        var random = new Random(5);
        foreach (var day in Days(5))
        {
            var shuffled = day.OrderBy(_ => random.Next()).ToList();
            foreach (var method in Enum.GetValues<BillingMethod>())
            {
                var expected = BillingUnits.Compute(method, day).UnitsByCode;
                var actual = BillingUnits.Compute(method, shuffled).UnitsByCode;
                Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
            }
        }
    }

    [Fact]
    public void MethodsDifferInBothDirectionsAndAgreeForASingleTimedCode()
    {
        var cmsMore = 0;
        var perCodeMore = 0;
        foreach (var day in Days(6))
        {
            var cms = BillingUnits.Compute(BillingMethod.Cms, day).TimedUnits;
            var perCode = BillingUnits.Compute(BillingMethod.PerCode, day).TimedUnits;
            cmsMore += cms > perCode ? 1 : 0;
            perCodeMore += perCode > cms ? 1 : 0;
            if (TimedMinutesByCode(day).Count <= 1)
            {
                Assert.Equal(cms, perCode);
            }
        }

        Assert.True(cmsMore > 0, "no generated day where pooling minutes billed more");
        Assert.True(perCodeMore > 0, "no generated day where rounding each code billed more");
    }
}
