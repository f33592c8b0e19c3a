using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace PtHub.Silo.Messaging;

/// <summary>
/// Text messages through one provider's HTTP API (<see cref="SmsOptions"/>). 2xx is delivered (handed to the
/// carrier); 404/410/422 mean the number cannot be reached (bounced); another 4xx is a failure for good; 408, 429,
/// 5xx, timeouts and refused connections are tried again with the same <c>Idempotency-Key</c>.
/// </summary>
internal sealed class HttpSmsChannel(HttpClient http, SmsOptions options) : IMessageChannel
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new { from = options.From, to = message.To, body = message.Body }),
        };
        request.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        if (!string.IsNullOrEmpty(options.AccountId))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountId}:{options.ApiKey}")));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => new SendResult(SendOutcome.Delivered, $"HTTP {code}"),
                HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.UnprocessableEntity => new SendResult(SendOutcome.Bounced, $"HTTP {code}: the number cannot be reached"),
                HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new SendResult(SendOutcome.Retry, $"HTTP {code}"),
                _ when code >= 500 => new SendResult(SendOutcome.Retry, $"HTTP {code}"),
                _ => new SendResult(SendOutcome.Failed, $"HTTP {code}"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retry, $"no answer within {options.TimeoutSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendOutcome.Retry, ex.Message);
        }
    }
}
