using PtHub.Grains;
using PtHub.Web.Security;
using System.Globalization;
using System.Text;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>The day's charges as CSV for the biller: one line per code billed at check-out.</summary>
internal static class ChargeEndpoints
{
    public static RouteGroupBuilder MapChargeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/charges.csv", ExportCharges).WithTags("Billing").RequireAuthorization(AccessPolicies.Manager).Audited("charges.export")
            .WithSummary("Charges of a day as CSV: patient id, date of service, code, units, modifiers, payer");
        return api;
    }

    private static async Task<IResult> ExportCharges(string clinicId, DateOnly? date, IGrainFactory grains, HttpContext http,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var (day, invalid, missing) = await new ClinicDayQuery(clinicId, date, grains, time).ResolveAsync();
        if (day is null)
        {
            return invalid is not null ? invalid : missing!;
        }

        var board = await day.Live.GetBoard();
        var histories = await Task.WhenAll(board.Rows.Where(r => r.Status == VisitStatus.CheckedOut)
            .Select(r => grains.GetGrain<IVisitGrain>(r.VisitId).GetHistory()));
        var csv = new StringBuilder("patient_id,date_of_service,code,units,modifiers,payer\n");
        foreach (var history in histories.OfType<VisitHistory>().OrderBy(h => h.Visit.ScheduledStart))
        {
            foreach (var charge in history.Billing?.Charges ?? [])
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Cell(history.Visit.PatientId)},{history.Visit.Date:yyyy-MM-dd},{Cell(charge.Code)},{charge.Units},{Cell(string.Join(' ', charge.Modifiers))},{Cell(history.Billing!.Payer ?? "")}\n");
            }
        }

        http.DisclosePatients(histories.OfType<VisitHistory>().Where(h => h.Billing?.Charges is { Count: > 0 }).Select(h => h.Visit.PatientId));
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"charges-{day.ClinicId}-{day.Date:yyyy-MM-dd}.csv");
    }

    /// <summary>Quotes a cell when it holds a comma, quote or line break, and defuses formula-like text for spreadsheets.</summary>
    internal static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
