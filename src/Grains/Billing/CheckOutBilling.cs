using PtHub.Grains.Contracts;

namespace PtHub.Grains.Billing;

/// <summary>
/// What checking out a visit bills, and what it changes on the patient: units by the payer's method, the KX
/// modifier once the year's Medicare allowed amounts pass the threshold, one visit and its units taken from the
/// authorization covering the day, and the treatment day counted towards the next progress report. Pure.
/// </summary>
public static class CheckOutBilling
{
    public const string KxModifier = "KX";

    public static (VisitBilling Billing, PatientRecord Patient) Bill(
        PatientRecord patient, DateOnly date, IReadOnlyList<ServiceMinutes> services, BillingOptions options)
    {
        var coverage = patient.Coverage;
        var warnings = new List<string>();
        var units = BillingUnits.Compute(coverage?.BillingMethod ?? BillingMethod.Cms, services);
        var lines = units.UnitsByCode.Where(u => u.Value > 0).OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => (Code: u.Key, Units: u.Value, Allowed: options.Allowed(u.Key, u.Value))).ToList();

        var isMedicare = coverage?.IsMedicare == true;
        var before = patient.MedicareAllowedIn(date.Year);
        var visitAllowed = lines.Sum(l => l.Allowed);
        var threshold = options.KxThreshold(date.Year);
        var kx = isMedicare && before + visitAllowed > threshold;
        if (kx)
        {
            warnings.Add($"Above the {date.Year} therapy threshold (${threshold:N0}): KX modifier applied; document medical necessity.");
        }

        if (isMedicare && before + visitAllowed > options.ReviewThreshold)
        {
            warnings.Add($"Above the ${options.ReviewThreshold:N0} targeted medical review threshold.");
        }

        var charges = lines.Select(l => new Charge(l.Code, l.Units, kx ? [KxModifier] : [], l.Allowed)).ToValueList();
        var authorizations = patient.Authorizations?.ToList() ?? [];
        if (units.TotalUnits > 0 && authorizations.Count > 0)
        {
            var index = authorizations.FindIndex(a => a.Covers(date) && !a.Exhausted);
            if (index < 0)
            {
                warnings.Add("No authorization covers this visit.");
            }
            else
            {
                var a = authorizations[index];
                authorizations[index] = a with { VisitsUsed = a.VisitsUsed + 1, UnitsUsed = a.UnitsUsed + units.TotalUnits };
                if (authorizations[index].UnitsLeft < 0)
                {
                    warnings.Add($"{-authorizations[index].UnitsLeft} unit(s) beyond the authorization.");
                }
            }
        }

        var updated = patient with
        {
            Authorizations = authorizations.ToValueList(),
            MedicareAllowed = isMedicare ? AddAllowed(patient, date.Year, visitAllowed) : patient.MedicareAllowed,
            TreatmentDaysSinceProgressReport = units.TotalUnits > 0 && !(patient.TreatmentDaysSinceProgressReport?.Contains(date) ?? false)
                ? (patient.TreatmentDaysSinceProgressReport ?? []).Append(date).ToValueList()
                : patient.TreatmentDaysSinceProgressReport,
        };
        return (new VisitBilling(charges, coverage?.Payer, warnings.ToValueList()), updated);
    }

    private static ValueList<AllowedAmount> AddAllowed(PatientRecord patient, int year, decimal amount) =>
        (patient.MedicareAllowed ?? []).Where(a => a.Year != year)
            .Append(new AllowedAmount(year, patient.MedicareAllowedIn(year) + amount))
            .OrderBy(a => a.Year).ToValueList();
}
