using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PtHub.Tests.Hardening;

/// <summary>A POST, PUT or PATCH endpoint under /api, as the node's own <see cref="EndpointDataSource"/> lists it.</summary>
public sealed partial record CommandEndpoint(string Method, string Pattern, Type? BodyType, bool BodyRequired)
{
    public static IReadOnlyList<CommandEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => (Endpoint: e, Method: m)))
            .Select(x => new CommandEndpoint(x.Method, x.Endpoint.RoutePattern.RawText!,
                x.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                x.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false }))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    public bool TakesBody => BodyType is not null;

    /// <summary>The path with each route parameter filled from <paramref name="ids"/>; a parameter without an id fails the test.</summary>
    public string Path(IReadOnlyDictionary<string, string> ids) =>
        Parameter().Replace(Pattern, match => ids.TryGetValue(match.Groups[1].Value, out var id)
            ? Uri.EscapeDataString(id)
            : throw new InvalidOperationException($"No id for route parameter '{match.Groups[1].Value}' of {Pattern}; add one to the fuzz test's targets."));

    public override string ToString() => $"{Method} {Pattern}";

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
