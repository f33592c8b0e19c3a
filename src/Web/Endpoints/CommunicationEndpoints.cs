using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>Patient messaging: the clinic's outbox queue (managers), a patient's messages and contact preferences (the desk), settings.</summary>
internal static class CommunicationEndpoints
{
    private const int DefaultLimit = 200;

    public static RouteGroupBuilder MapCommunicationEndpoints(this RouteGroupBuilder api)
    {
        var managed = api.MapGroup("/clinics/{clinicId}").WithTags("Messages").RequireAuthorization(AccessPolicies.Manager);
        managed.MapGet("/messages", Queue).Audited("messages.read").WithSummary("The clinic's message queue: failed and bounced first, then pending, then the rest (managers)");
        managed.MapGet("/messages/{messageKey}", Detail).Audited("message.read").WithSummary("One message with each attempt at sending it (managers)");
        managed.MapGet("/messaging", GetSettings).WithSummary("Reminder lead times, quiet hours, templates and waitlist offers");
        managed.MapPut("/messaging", PutSettings)
            .WithSummary("Set reminder lead times, quiet hours, templates ('reminder', 'offer') and waitlist offers; a template may merge only {clinic}, {date}, {time}, {therapist}");

        var patient = api.MapGroup("/clinics/{clinicId}/patients/{patientId}").WithTags("Messages").RequireAuthorization(AccessPolicies.FrontDesk);
        patient.MapGet("/messages", PatientMessages).Audited("patient.messages.read").WithSummary("The patient's messages and where each stands");
        patient.MapGet("/contact-preferences", GetPreferences).Audited("contact-preferences.read").WithSummary("The patient's channel and opt-out");
        patient.MapPut("/contact-preferences", PutPreferences).Audited("contact-preferences.set")
            .WithSummary("Set the patient's channel (sms, email, or null for automatic) and opt-out; an opt-out stops queued messages too");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMessage>>, ProblemHttpResult>> Queue(string clinicId, int? limit, IGrainFactory grains, HttpContext http)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var messages = await grains.GetGrain<IOutboxQueryGrain>(clinicId).List(null, Math.Clamp(limit ?? DefaultLimit, 1, 1000));
        http.DisclosePatients(messages.Select(m => m.PatientId));
        return TypedResults.Ok(messages);
    }

    private static async Task<Results<Ok<MessageDetail>, ProblemHttpResult>> Detail(string clinicId, string messageKey, IGrainFactory grains) =>
        await grains.GetGrain<IOutboxQueryGrain>(clinicId).Get(messageKey) is { } found
            ? TypedResults.Ok(new MessageDetail(found.Message, found.Attempts))
            : Problems.NotFound($"No message '{messageKey}' in clinic '{clinicId}'.");

    private static async Task<Results<Ok<MessagingView>, ProblemHttpResult>> GetSettings(string clinicId, IGrainFactory grains) =>
        await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null
            ? Problems.NotFound($"No clinic '{clinicId}'.")
            : TypedResults.Ok(MessagingView.Of(await grains.GetGrain<IClinicMessagingGrain>(clinicId).GetSettings()));

    private static async Task<Results<Ok<MessagingView>, ValidationProblem, ProblemHttpResult>> PutSettings(string clinicId, MessagingBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var messaging = grains.GetGrain<IClinicMessagingGrain>(clinicId);
        var settings = body.ToSettings(await messaging.GetSettings());
        await messaging.SetSettings(settings);
        return TypedResults.Ok(MessagingView.Of(settings));
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMessage>>, ProblemHttpResult>> PatientMessages(
        string clinicId, string patientId, int? limit, IGrainFactory grains) =>
        await IsPatientOf(grains, clinicId, patientId)
            ? TypedResults.Ok(await grains.GetGrain<IOutboxQueryGrain>(clinicId).List(patientId, Math.Clamp(limit ?? DefaultLimit, 1, 1000)))
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");

    private static async Task<Results<Ok<ContactPreferences>, ProblemHttpResult>> GetPreferences(string clinicId, string patientId, IGrainFactory grains) =>
        await IsPatientOf(grains, clinicId, patientId)
            ? TypedResults.Ok(await grains.GetGrain<IPatientMessagingGrain>(patientId).GetPreferences())
            : Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");

    private static async Task<Results<Ok<ContactPreferences>, ValidationProblem, ProblemHttpResult>> PutPreferences(
        string clinicId, string patientId, ContactPreferencesBody body, HttpContext context, IGrainFactory grains,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.OptedOut is not { } optedOut)
        {
            // The PUT replaces the preferences: a body without the opt-out would silently opt the patient back in.
            return Problems.Invalid(new Dictionary<string, string[]> { ["optedOut"] = ["optedOut is required (true or false); channel may be null (automatic)."] });
        }

        if (!await IsPatientOf(grains, clinicId, patientId))
        {
            return Problems.NotFound($"No patient '{patientId}' in clinic '{clinicId}'.");
        }

        return TypedResults.Ok(await grains.GetGrain<IPatientMessagingGrain>(patientId)
            .SetPreferences(new ContactPreferences(body.Channel, optedOut, time.GetUtcNow(), Actor.Of(context))));
    }

    private static async Task<bool> IsPatientOf(IGrainFactory grains, string clinicId, string patientId) =>
        await grains.GetGrain<IPatientGrain>(patientId).Get() is { MergedInto: null } patient && patient.Details.ClinicId == clinicId;
}
