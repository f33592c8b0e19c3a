using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Grains.Referrals;
using PtHub.Web.Security;

namespace PtHub.Web.Endpoints;

/// <summary>
/// Referring providers and referrals: the front desk keeps providers, takes referrals in and prints the letter to the
/// provider; managers read conversion by source and provider. Every read and change is audited.
/// </summary>
internal static class ReferralEndpoints
{
    private const int MaxRangeDays = 366;

    public static RouteGroupBuilder MapReferralEndpoints(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/clinics/{clinicId}/referrals").WithTags("Referrals");
        referrals.MapGet("/providers", Providers).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.providers").WithSummary("The clinic's referring providers");
        referrals.MapPost("/providers", AddProvider).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.provider.add")
            .WithSummary("Add a referring provider (the NPI's check digit is checked)");
        referrals.MapPut("/providers/{providerId}", UpdateProvider).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.provider.update")
            .WithSummary("Change a referring provider");
        referrals.MapGet("/", List).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.read")
            .WithSummary("Referrals received from..to (default the last 90 days), latest first, with their first visit and conversion");
        referrals.MapPost("/", Record).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.record").WithSummary("Take a referral in");
        referrals.MapGet("/conversion", Conversion).RequireAuthorization(AccessPolicies.Manager).Audited("referral.conversion")
            .WithSummary("Referrals whose patient attended a visit within 7 days of receipt, by source and by provider");
        referrals.MapGet("/{referralId}/letter", Letter).RequireAuthorization(AccessPolicies.FrontDesk).Audited("referral.letter")
            .WithSummary("The thank-you and progress letter to the referring provider");
        return api;
    }

    private static Task<IReadOnlyList<ReferringProvider>> Providers(string clinicId, IGrainFactory grains) =>
        grains.GetGrain<IClinicReferralsGrain>(clinicId).Providers();

    private static async Task<Results<Created<ReferringProvider>, ValidationProblem, ProblemHttpResult>> AddProvider(
        string clinicId, ReferringProviderBody body, IGrainFactory grains)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is null)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var change = await grains.GetGrain<IClinicReferralsGrain>(clinicId).AddProvider(body.ToSpec());
        return change.Provider is { } provider
            ? TypedResults.Created($"/api/clinics/{clinicId}/referrals/providers/{provider.ProviderId}", provider)
            : Problems.From(change.Refusal!);
    }

    private static async Task<Results<Ok<ReferringProvider>, ValidationProblem, ProblemHttpResult>> UpdateProvider(
        string clinicId, string providerId, ReferringProviderBody body, IGrainFactory grains)
    {
        if (body.Validate() is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var change = await grains.GetGrain<IClinicReferralsGrain>(clinicId).UpdateProvider(providerId, body.ToSpec());
        return change.Provider is { } provider ? TypedResults.Ok(provider) : Problems.From(change.Refusal!);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReferralView>>, ValidationProblem, ProblemHttpResult>> List(
        string clinicId, DateOnly? from, DateOnly? to, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time, HttpContext http)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (Range(config, from, to, time) is not ({ } first, { } last))
        {
            return Problems.Invalid(RangeError);
        }

        IReadOnlyList<ReferralView> views = await ViewsAsync(clinicId, grains, first, last);
        http.DisclosePatients(views.Select(v => v.PatientId));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<ReferralView>, ValidationProblem, ProblemHttpResult>> Record(
        string clinicId, ReferralBody body, HttpContext context, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var errors = body.Validate(config.LocalDate(time.GetUtcNow()));
        if (errors.Count == 0 && !await IsPatientOfAsync(grains, body.PatientId!.Trim(), clinicId))
        {
            errors["patientId"] = [$"patientId must be a patient of {config.Name}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var referrals = grains.GetGrain<IClinicReferralsGrain>(clinicId);
        var change = await referrals.Record(body.ToSpec(), Actor.Of(context));
        if (change.Referral is not { } referral)
        {
            return Problems.From(change.Refusal!);
        }

        var view = await ViewAsync(grains, referral, await referrals.Providers());
        return TypedResults.Created($"/api/clinics/{clinicId}/referrals/{referral.ReferralId}", view);
    }

    private static async Task<Results<Ok<ConversionReport>, ValidationProblem, ProblemHttpResult>> Conversion(
        string clinicId, DateOnly? from, DateOnly? to, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        if (Range(config, from, to, time) is not ({ } first, { } last))
        {
            return Problems.Invalid(RangeError);
        }

        var views = await ViewsAsync(clinicId, grains, first, last);
        static ConversionRow Row(string key, string name, IReadOnlyCollection<ReferralView> of)
        {
            var converted = of.Count(v => v.Converted);
            return new ConversionRow(key, name, of.Count, converted, ReferralConversion.Percent(converted, of.Count));
        }

        return TypedResults.Ok(new ConversionReport(first, last, ReferralConversion.WithinDays, Row("all", "All referrals", views),
            [.. Enum.GetValues<ReferralSource>().Select(s => Row(s.ToString(), s.ToString(), [.. views.Where(v => v.Source == s)]))],
            [.. views.Where(v => v.ProviderId is not null).GroupBy(v => v.ProviderId!).Select(g => Row(g.Key, g.First().ProviderName ?? g.Key, [.. g]))
                .OrderByDescending(r => r.Referrals).ThenBy(r => r.Name, StringComparer.Ordinal)]));
    }

    private static async Task<Results<Ok<ReferralLetter>, ProblemHttpResult>> Letter(
        string clinicId, string referralId, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time, HttpContext http)
    {
        var referrals = grains.GetGrain<IClinicReferralsGrain>(clinicId);
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config || await referrals.Get(referralId) is not { } referral)
        {
            return Problems.NotFound($"No referral '{referralId}' in clinic '{clinicId}'.");
        }

        if (referral.ProviderId is null || (await referrals.Providers()).FirstOrDefault(p => p.ProviderId == referral.ProviderId) is not { } provider)
        {
            return Problems.From(Refusal.Invalid("A letter goes to a referring provider; this referral came from no provider."));
        }

        var patient = grains.GetGrain<IPatientGrain>(referral.PatientId);
        var record = (await patient.Get())!;
        var visits = await patient.GetVisits();
        var first = ReferralConversion.FirstVisit(referral, visits);
        var today = config.LocalDate(time.GetUtcNow());
        http.DisclosePatients([referral.PatientId]);
        return TypedResults.Ok(new ReferralLetter(referral.ReferralId, config.Name, today, provider.Name, provider.Practice, provider.Fax,
            referral.PatientId, $"{record.Details.FirstName} {record.Details.LastName}", record.Details.BirthDate, referral.ReceivedOn, referral.Reason,
            first?.Date, first?.Status, visits.Count(v => v.Status == VisitStatus.CheckedOut && v.Date >= referral.ReceivedOn),
            visits.Where(v => !v.IsClosed && v.Date >= today).MinBy(v => v.ScheduledStart)?.Date));
    }

    private static readonly Dictionary<string, string[]> RangeError = new()
    {
        ["from"] = [$"from must not be after to, and the range at most {MaxRangeDays} days."],
    };

    /// <summary>The range of received dates, by default the 90 days up to the clinic's today; null when it is not a range.</summary>
    private static (DateOnly?, DateOnly?) Range(ClinicConfig config, DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var last = to ?? config.LocalDate(time.GetUtcNow());
        var first = from ?? last.AddDays(-89);
        return first <= last && last.DayNumber - first.DayNumber < MaxRangeDays ? (first, last) : (null, null);
    }

    private static async Task<bool> IsPatientOfAsync(IGrainFactory grains, string patientId, string clinicId) =>
        await grains.GetGrain<IPatientGrain>(patientId).Get() is { MergedInto: null } patient && patient.Details.ClinicId == clinicId;

    private static async Task<List<ReferralView>> ViewsAsync(string clinicId, IGrainFactory grains, DateOnly from, DateOnly to)
    {
        var referrals = grains.GetGrain<IClinicReferralsGrain>(clinicId);
        var providers = await referrals.Providers();
        return [.. await Task.WhenAll((await referrals.Received(from, to)).Select(r => ViewAsync(grains, r, providers)))];
    }

    private static async Task<ReferralView> ViewAsync(IGrainFactory grains, Referral referral, IReadOnlyList<ReferringProvider> providers)
    {
        var patient = grains.GetGrain<IPatientGrain>(referral.PatientId);
        var record = await patient.Get();
        var visits = await patient.GetVisits();
        var first = ReferralConversion.FirstVisit(referral, visits);
        return new ReferralView(referral.ReferralId, referral.ReceivedOn, referral.PatientId,
            record is null ? referral.PatientId : $"{record.Details.LastName}, {record.Details.FirstName}", referral.Reason, referral.Source,
            referral.ProviderId, providers.FirstOrDefault(p => p.ProviderId == referral.ProviderId)?.Name,
            first?.VisitId, first?.Date, first?.Status, ReferralConversion.Converted(referral, visits));
    }
}
