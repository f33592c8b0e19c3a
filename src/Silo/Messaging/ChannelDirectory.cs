using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PtHub.Grains.Contracts;

namespace PtHub.Silo.Messaging;

/// <summary>A clinic's channel of a kind: its own if configured, else the default one; null when there is none.</summary>
public sealed class ChannelDirectory(IOptions<CommunicationOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<(string Clinic, MessageChannel Kind), IMessageChannel?> _channels = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public IMessageChannel? Find(string clinicId, MessageChannel kind) => _channels.GetOrAdd((clinicId, kind), key =>
    {
        var own = options.Value.Clinics.GetValueOrDefault(key.Clinic);
        return key.Kind switch
        {
            MessageChannel.Email when (own?.Email ?? options.Value.Email) is { IsConfigured: true } email => new SmtpEmailChannel(email),
            MessageChannel.Sms when (own?.Sms ?? options.Value.Sms) is { IsConfigured: true } sms => new HttpSmsChannel(_http, sms),
            _ => null,
        };
    });

    public void Dispose()
    {
        foreach (var channel in _channels.Values.OfType<IDisposable>())
        {
            channel.Dispose();
        }

        _http.Dispose();
    }
}
