namespace PtHub.Grains.Billing;

/// <summary>
/// Turns one patient's minutes per code on one calendar day into billable units (DOMAIN.md, "Billing facts";
/// CMS Pub. 100-04, ch. 5, §20.2). Minutes of the same code are summed first; an untimed code earns 1 unit however
/// often it is listed and however many minutes it took (0 included), and its minutes never count toward timed time.
/// </summary>
public static class BillingUnits
{
    /// <summary>
    /// Units for a number of timed minutes: under 8 → 0, 8–22 → 1, 23–37 → 2, … one more every 15 minutes.
    /// Adding 7 before dividing is the whole rule: a unit counts once more than half of it (8 of 15 minutes) was given.
    /// </summary>
    public static int TableUnits(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return (minutes + 7) / 15;
    }

    /// <exception cref="ArgumentException">A code is neither the clinic's (timed flag set) nor in <see cref="ProcedureCatalog"/>, or has negative minutes.</exception>
    public static UnitsResult Compute(BillingMethod method, IReadOnlyList<ServiceMinutes> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var timedMinutes = new Dictionary<string, int>();
        var units = new Dictionary<string, int>();
        foreach (var service in services)
        {
            var timed = service.IsTimed ?? throw new ArgumentException($"Unknown procedure code '{service.Code}'.", nameof(services));
            var code = ProcedureCatalog.Find(service.Code)?.Code ?? service.Code;
            ArgumentOutOfRangeException.ThrowIfNegative(service.Minutes, nameof(services));
            if (timed)
            {
                timedMinutes[code] = checked(timedMinutes.GetValueOrDefault(code) + service.Minutes);
            }

            units.TryAdd(code, timed ? 0 : 1);
        }

        var timedUnits = method switch
        {
            BillingMethod.Cms => AssignPooled(timedMinutes, units),
            BillingMethod.PerCode => AssignPerCode(timedMinutes, units),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown billing method."),
        };
        var untimedUnits = units.Count - timedMinutes.Count;
        return new UnitsResult(timedUnits + untimedUnits, timedUnits, units);
    }

    /// <summary>
    /// The CMS way: the table is read once for the day's timed total; each code first takes one unit per full
    /// 15 minutes, then the units still allowed go one at a time to the largest leftover minutes.
    /// Ties (the manual lets the clinician pick) go to the code with more minutes in all, then to the lower code,
    /// so the same input always bills the same way.
    /// </summary>
    private static int AssignPooled(Dictionary<string, int> timedMinutes, Dictionary<string, int> units)
    {
        var allowed = TableUnits(timedMinutes.Values.Sum());
        var fullUnits = 0;
        foreach (var (code, minutes) in timedMinutes)
        {
            units[code] = minutes / 15;
            fullUnits += minutes / 15;
        }

        // allowed - fullUnits is (leftover total + 7) / 15 and each leftover is at most 14, so there are never more
        // units to share than codes with leftover minutes: no code takes more than one of them.
        var remaining = allowed - fullUnits;
        var takers = timedMinutes
            .Where(c => c.Value % 15 > 0)
            .OrderByDescending(c => c.Value % 15)
            .ThenByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(remaining);
        foreach (var (code, _) in takers)
        {
            units[code]++;
        }

        return allowed;
    }

    private static int AssignPerCode(Dictionary<string, int> timedMinutes, Dictionary<string, int> units)
    {
        var total = 0;
        foreach (var (code, minutes) in timedMinutes)
        {
            units[code] = TableUnits(minutes);
            total += units[code];
        }

        return total;
    }
}
