using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PtHub.Tests.Hardening;

/// <summary>
/// Two paths a test node answers after everything PtHub maps (so inside its error handling and forwarded headers),
/// registered through <see cref="Infrastructure.AppNode.StartAsync"/>'s configure callback: the product has no such endpoints.
/// </summary>
public sealed class TestOnlyPaths : IStartupFilter
{
    /// <summary>Throws an exception whose message must never reach the client.</summary>
    public const string Fail = "/test-only/fail";

    /// <summary>Answers "{client address} {scheme}" as the node sees them.</summary>
    public const string Client = "/test-only/client";

    public const string SecretMessage = "connection string Password=hunter2 in a failing component";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((context, rest) =>
            context.Request.Path == Fail ? throw new InvalidOperationException(SecretMessage)
            : context.Request.Path == Client ? context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}")
            : rest(context));
    };
}
