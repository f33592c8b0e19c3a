using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Silo.Messaging;
using PtHub.Web.Hardening;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The two ways a patient stops all messages without calling: the unsubscribe link at the end of each e-mail, and a
/// STOP reply to a text, which the SMS provider passes on authenticated by its shared secret. Both set the same
/// opt-out the desk sets, and each patient opted out is audited.
/// </summary>
internal static class OptOutEndpoints
{
    public const string SecretHeader = "X-PtHub-Sms-Secret";
    public const string SmsActor = "patient via SMS STOP";

    /// <summary>The usual carrier keywords for "no more texts".</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };

    /// <summary>Phone numbers are matched on their digits, the shorter being the end of the longer (a country code or not), with at least this many.</summary>
    private const int MinPhoneDigits = 7;

    public static RouteGroupBuilder MapOptOutEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/unsubscribe", Unsubscribe).WithTags("Patient links").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.PatientLinks)
            .Audited("contact-preferences.opt-out-link", moment: AuditMoment.ByEndpoint).WithSummary("The patient's unsubscribe link: no more messages from this clinic (anonymous, the token is the credential)");
        api.MapPost("/sms/inbound", Inbound).WithTags("Patient links").AllowAnonymous().Audited("contact-preferences.opt-out-sms", moment: AuditMoment.ByEndpoint)
            .WithSummary($"An incoming text from the SMS provider (header {SecretHeader}: its shared secret); STOP opts the sender out of the clinics on that number");
        return api;
    }

    private static async Task<Results<Ok<OptOutView>, ValidationProblem, ProblemHttpResult>> Unsubscribe(
        OptOutBody body, HttpContext context, IGrainFactory grains, PatientLinkSigner signer, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await signer.ReadOptOutAsync(body.Token?.Trim()) is not { } link
            || await grains.GetGrain<IPatientGrain>(link.PatientId).Get() is not { MergedInto: null } patient || patient.Details.ClinicId != link.ClinicId
            || await grains.GetGrain<IClinicGrain>(link.ClinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound("This link is not valid. Check that the whole link from your message was opened, or call the clinic.");
        }

        await context.BeforeChangeAsync(new AuditSubject(Grains.Communication.VisitLinks.Actor, "Patient", link.ClinicId, link.PatientId));
        await OptOutAsync(grains, link.PatientId, Grains.Communication.VisitLinks.Actor, time);
        return TypedResults.Ok(new OptOutView(config.Name, true));
    }

    private static async Task<Results<Ok<SmsInboundResult>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> Inbound(
        SmsInboundBody body, HttpContext context, IGrainFactory grains, IOptions<CommunicationOptions> options,
        [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (Digits(body.From).Length < MinPhoneDigits)
        {
            errors["from"] = [$"from must be a phone number of at least {MinPhoneDigits} digits."];
        }

        if (string.IsNullOrWhiteSpace(body.To))
        {
            errors["to"] = ["to (the clinic's number the text was sent to) is required."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var clinics = await ClinicsOnAsync(grains, options.Value, body.To!, context.Request.Headers[SecretHeader].ToString());
        if (clinics is null)
        {
            // The same answer for an unknown number and a wrong secret: neither says which numbers PtHub serves.
            return TypedResults.Unauthorized();
        }

        if (!StopWords.Contains(body.Body?.Trim() ?? ""))
        {
            return TypedResults.Ok(new SmsInboundResult(0));
        }

        var from = Digits(body.From);
        var optedOut = 0;
        foreach (var clinicId in clinics)
        {
            var (search, _) = PatientSearch.Parse(clinicId, from[^MinPhoneDigits..], 100);
            foreach (var match in search is null ? [] : await grains.GetGrain<IPatientDirectoryGrain>(clinicId).Search(search))
            {
                var phone = Digits((await grains.GetGrain<IPatientGrain>(match.PatientId).Get())?.Details.Phone);
                if (phone.Length >= MinPhoneDigits && (phone.EndsWith(from, StringComparison.Ordinal) || from.EndsWith(phone, StringComparison.Ordinal)))
                {
                    await context.BeforeChangeAsync(new AuditSubject(SmsActor, "Patient", clinicId, match.PatientId));
                    await OptOutAsync(grains, match.PatientId, SmsActor, time);
                    optedOut++;
                }
            }
        }

        return TypedResults.Ok(new SmsInboundResult(optedOut));
    }

    /// <summary>
    /// The clinics whose SMS number is <paramref name="to"/> and whose provider's secret is <paramref name="secret"/>
    /// (a clinic's own SMS settings, else the default ones); null when none.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> ClinicsOnAsync(IGrainFactory grains, CommunicationOptions options, string to, string secret)
    {
        bool Serves(SmsOptions? sms) => sms is { InboundSecret.Length: > 0 } && Digits(sms.From) == Digits(to) && Digits(to).Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sms.InboundSecret), Encoding.UTF8.GetBytes(secret));

        var own = options.Clinics.Where(c => c.Value.Sms is not null).ToDictionary(c => c.Key, c => c.Value.Sms);
        var clinics = own.Where(c => Serves(c.Value)).Select(c => c.Key).ToList();
        if (Serves(options.Sms))
        {
            clinics.AddRange((await grains.GetGrain<IClinicDirectoryGrain>("all").List())
                .Select(c => c.ClinicId).Where(id => !own.ContainsKey(id)));
        }

        return clinics.Count > 0 ? clinics : null;
    }

    private static async Task OptOutAsync(IGrainFactory grains, string patientId, string actor, TimeProvider time)
    {
        var messaging = grains.GetGrain<IPatientMessagingGrain>(patientId);
        var current = await messaging.GetPreferences();
        await messaging.SetPreferences(new ContactPreferences(current.Channel, true, time.GetUtcNow(), actor));
    }

    private static string Digits(string? value) => new([.. (value ?? "").Where(char.IsAsciiDigit)]);
}
