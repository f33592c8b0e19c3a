using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The lists that keep patients on plan, over the clinic's patients with a plan of care: dropped off (no visit booked
/// ahead, plan not complete), authorizations nearly used up, recertification due soon. Each row links to the profile.
/// </summary>
internal static class WorklistEndpoints
{
    public const int VisitsLeftAtMost = 3;
    public const int UnitsLeftAtMost = 10;
    public const int RecertificationWithinDays = 14;

    public static RouteGroupBuilder MapWorklistEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/worklists", Get).WithTags("KPIs").RequireAuthorization(AccessPolicies.Manager).Audited("worklist.read")
            .Produces<Worklists>().WithSummary("Patients dropped off their plan, authorizations nearly used up, recertifications due within 14 days");
        return api;
    }

    private static async Task<IResult> Get(string clinicId, IGrainFactory grains, HttpContext http, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var clinic = grains.GetGrain<IClinicGrain>(clinicId);
        if (await clinic.GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var today = config.LocalDate(time.GetUtcNow());
        var patients = await Task.WhenAll((await clinic.GetPlanPatients()).Distinct().Select(async id =>
        {
            var patient = grains.GetGrain<IPatientGrain>(id);
            return (Record: await patient.Get(), Plans: await patient.GetPlanProgress(), Billing: await patient.GetBillingStatus(today));
        }));
        var dropped = new List<WorklistRow>();
        var authorizations = new List<WorklistRow>();
        var recertifications = new List<WorklistRow>();
        foreach (var (record, plans, billing) in patients.Where(p => p.Record is { MergedInto: null } r && r.Details.ClinicId == clinicId))
        {
            var name = $"{record!.Details.FirstName} {record.Details.LastName}";
            var profile = $"/patients/{Uri.EscapeDataString(clinicId)}/{Uri.EscapeDataString(record.PatientId)}";
            foreach (var plan in plans.Where(p => p.BookedAhead == 0 && p.Attended < p.Planned))
            {
                dropped.Add(new(record.PatientId, name, $"no visit booked; {plan.Attended} of {plan.Planned} planned visits attended", profile));
            }

            foreach (var a in (record.Authorizations ?? []).Where(a => a.To >= today && (a.VisitsLeft <= VisitsLeftAtMost || a.UnitsLeft <= UnitsLeftAtMost)))
            {
                var left = string.Join(", ", new[] { a.VisitsLeft is { } v ? $"{v} visits" : null, a.UnitsLeft is { } u ? $"{u} units" : null }.OfType<string>());
                authorizations.Add(new(record.PatientId, name, $"authorization {a.Id}: {left} left, ends {a.To:yyyy-MM-dd}", profile));
            }

            if (billing?.RecertificationDue is { } due && due <= today.AddDays(RecertificationWithinDays))
            {
                recertifications.Add(new(record.PatientId, name, due < today ? $"recertification overdue since {due:yyyy-MM-dd}" : $"recertification due {due:yyyy-MM-dd}", profile));
            }
        }

        http.DisclosePatients(dropped.Concat(authorizations).Concat(recertifications).Select(r => r.PatientId));
        static List<WorklistRow> Sorted(List<WorklistRow> rows) => [.. rows.OrderBy(r => r.PatientName, StringComparer.Ordinal).ThenBy(r => r.PatientId, StringComparer.Ordinal)];
        return TypedResults.Ok(new Worklists(Sorted(dropped), Sorted(authorizations), Sorted(recertifications)));
    }
}
