using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>The waitlist: who waits for a slot, and booking one into an opening the board proposes.</summary>
internal static class WaitlistEndpoints
{
    public static RouteGroupBuilder MapWaitlistEndpoints(this RouteGroupBuilder api)
    {
        var waitlist = api.MapGroup("/clinics/{clinicId}/waitlist").WithTags("Waitlist").RequireAuthorization(AccessPolicies.FrontDesk);
        waitlist.MapPost("/", Add).Audited("waitlist.add").WithSummary("Put a patient on the waitlist with their preferences");
        waitlist.MapGet("/", List).Audited("waitlist.read").WithSummary("Who is waiting");
        waitlist.MapDelete("/{entryId}", Remove).Audited("waitlist.remove").WithSummary("Take an entry off the waitlist");
        waitlist.MapPost("/{entryId}/book", Book).Audited("waitlist.book").WithSummary("Book the waiting patient into an opening (one action; nothing is booked automatically)");
        return api;
    }

    private static async Task<Results<Created<WaitlistEntry>, ValidationProblem, ProblemHttpResult>> Add(
        string clinicId, WaitlistBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var errors = body.Validate(config);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.GetGrain<IPatientGrain>(body.PatientId!.Trim()).Get() is not { } patient || patient.Details.ClinicId != clinicId)
        {
            return Problems.NotFound($"No patient '{body.PatientId}' in clinic '{clinicId}'.");
        }

        var entry = await grains.GetGrain<IWaitlistGrain>(clinicId).Add(body.ToEntry());
        return TypedResults.Created($"/api/clinics/{clinicId}/waitlist/{entry.EntryId}", entry);
    }

    private static async Task<IReadOnlyList<WaitlistEntry>> List(string clinicId, IGrainFactory grains, HttpContext http)
    {
        var entries = await grains.GetGrain<IWaitlistGrain>(clinicId).List();
        http.DisclosePatients(entries.Select(e => e.PatientId));
        return entries;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string clinicId, string entryId, IGrainFactory grains) =>
        await grains.GetGrain<IWaitlistGrain>(clinicId).Remove(entryId) ? TypedResults.NoContent() : Problems.NotFound($"No waitlist entry '{entryId}'.");

    private static async Task<Results<Created<VisitSnapshot>, ValidationProblem, ProblemHttpResult>> Book(
        string clinicId, string entryId, WaitlistBookBody body, HttpContext context, IGrainFactory grains,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.Start is not { } start || string.IsNullOrWhiteSpace(body.TherapistId))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["start"] = ["start and therapistId of the opening are required."] });
        }

        if (!DateWindow.Contains(start, time.GetUtcNow()))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["start"] = [DateWindow.Message("start")] });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var waitlist = grains.GetGrain<IWaitlistGrain>(clinicId);
        if ((await waitlist.List()).FirstOrDefault(e => e.EntryId == entryId) is not { } entry)
        {
            return Problems.NotFound($"No one waiting under '{entryId}'.");
        }

        var day = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(start)));
        var result = await day.Book(new BookVisitRequest(entry.PatientId, body.TherapistId.Trim(), entry.VisitTypeCode, start, null, false,
            Actor.Of(context), body.CommandId));
        if (result.Visit is not { } visit)
        {
            return Problems.From(result.Refusal!);
        }

        await waitlist.MarkBooked(entryId, visit.VisitId);
        return TypedResults.Created($"/api/clinics/{clinicId}/visits/{visit.VisitId}", visit);
    }
}
