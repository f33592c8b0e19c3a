using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Communication;

/// <summary>
/// A local HTTP server standing in for an SMS provider's API (Kestrel on a free loopback port). Every request is
/// kept; <see cref="Answer"/> decides each answer, so a test injects failures or an answer that does not come.
/// </summary>
public sealed class SmsReceiver : IAsyncDisposable
{
    public const string Path = "/v1/messages";

    private readonly WebApplication _app;

    private SmsReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<SmsRequest> Requests { get; } = new();

    /// <summary>The status code for a request (after it is kept); 202 unless a test says otherwise.</summary>
    public Func<SmsRequest, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(StatusCodes.Status202Accepted);

    public static async Task<SmsReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new SmsReceiver(app, new Uri($"http://127.0.0.1:{port}{Path}"));
        app.MapPost(Path, async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
            var request = new SmsRequest(context.Request.Headers["Idempotency-Key"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault(),
                body["to"]!.GetValue<string>(), body["body"]!.GetValue<string>(), body["from"]!.GetValue<string>());
            receiver.Requests.Enqueue(request);
            var status = await receiver.Answer(request, context.RequestAborted);
            return Results.Json(new { id = Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: status);
        });
        await app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
