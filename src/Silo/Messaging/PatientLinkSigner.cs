using Microsoft.Extensions.Options;
using PtHub.Grains.Communication;
using PtHub.Grains.Contracts;

namespace PtHub.Silo.Messaging;

/// <summary>
/// Signs and checks patient links (a visit's confirm / cancel / reschedule link, a recall's booking link, a waitlist offer's accept link, the unsubscribe link) with the master key (configuration, else the one kept by <see cref="ILinkSigningKeyGrain"/>),
/// read once per node. The outbox signs a link into each reminder it sends; the public link page checks it.
/// </summary>
public sealed class PatientLinkSigner(IGrainFactory grains, IOptions<CommunicationOptions> options)
{
    public const string KeyGrain = "visit-links";

    /// <summary>The public page a link opens; the token goes in the fragment, which browsers never send to a server or in a Referer.</summary>
    public const string PagePath = "/visit";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public string? BaseUrl => options.Value.Links.BaseUrl?.TrimEnd('/');

    public async Task<string> SignAsync(VisitLink link) => VisitLinks.Sign(await KeyAsync(), link);

    public async Task<VisitLink?> ReadAsync(string? token) => VisitLinks.Read(await KeyAsync(), token);

    /// <summary>The public page a waitlist offer's link opens (the token after '#', as for a visit link).</summary>
    public const string OfferPagePath = "/offer";

    public async Task<string> SignOfferAsync(OfferLink link) => OfferLinks.Sign(await KeyAsync(), link);

    public async Task<OfferLink?> ReadOfferAsync(string? token) => OfferLinks.Read(await KeyAsync(), token);

    /// <summary>The address of an offer link's page, or null when no public address is configured.</summary>
    public async Task<string?> OfferUrlAsync(OfferLink link) =>
        BaseUrl is { } baseUrl ? $"{baseUrl}{OfferPagePath}#{await SignOfferAsync(link)}" : null;

    /// <summary>The unsubscribe page an e-mail's last line links to.</summary>
    public const string OptOutPath = "/unsubscribe";

    public async Task<string> SignOptOutAsync(string clinicId, string patientId) => OptOutLinks.Sign(await KeyAsync(), clinicId, patientId);

    public async Task<(string ClinicId, string PatientId)?> ReadOptOutAsync(string? token) => OptOutLinks.Read(await KeyAsync(), token);

    /// <summary>The address of a patient's unsubscribe page, or null when no public address is configured.</summary>
    public async Task<string?> OptOutUrlAsync(string clinicId, string patientId) =>
        BaseUrl is { } baseUrl ? $"{baseUrl}{OptOutPath}#{await SignOptOutAsync(clinicId, patientId)}" : null;

    /// <summary>The page a recall's booking link opens.</summary>
    public const string RecallPath = "/recall";

    public async Task<string> SignRecallAsync(RecallLink link) => RecallLinks.Sign(await KeyAsync(), link);

    public async Task<RecallLink?> ReadRecallAsync(string? token) => RecallLinks.Read(await KeyAsync(), token);

    /// <summary>The address of a recall's booking page, or null when no public address is configured.</summary>
    public async Task<string?> RecallUrlAsync(RecallLink link) =>
        BaseUrl is { } baseUrl ? $"{baseUrl}{RecallPath}#{await SignRecallAsync(link)}" : null;

    /// <summary>The address of a link's page, or null when no public address is configured.</summary>
    public async Task<string?> UrlAsync(VisitLink link) =>
        BaseUrl is { } baseUrl ? $"{baseUrl}{PagePath}#{await SignAsync(link)}" : null;

    private async Task<byte[]> KeyAsync()
    {
        if (_key is { } known)
        {
            return known;
        }

        await _loading.WaitAsync();
        try
        {
            return _key ??= options.Value.Links.SigningKey is { } configured
                ? Configured(configured)
                : await grains.GetGrain<ILinkSigningKeyGrain>(KeyGrain).GetKey();
        }
        finally
        {
            _loading.Release();
        }
    }

    private static byte[] Configured(string base64)
    {
        byte[]? key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            key = null;
        }

        return key is { Length: >= VisitLinks.KeyBytes }
            ? key
            : throw new OptionsValidationException(CommunicationOptions.Section, typeof(LinkOptions),
                [$"{CommunicationOptions.Section}:Links:SigningKey must be base64 of at least {VisitLinks.KeyBytes} bytes."]);
    }
}
