using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PtHub.FaultDrill;

/// <summary>
/// The cluster's web nodes as the drill's "load balancer" sees them: commands go round-robin over the nodes
/// not known dead. A node is marked dead the moment the drill kills it (a real balancer would learn it from
/// its health checks a little later; the commands sent to it in flight fail and are retried elsewhere).
/// </summary>
public sealed class Nodes : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _dead = [];
    private int _next;

    public Nodes(IReadOnlyList<Uri> urls)
    {
        Urls = urls;
        Http = new HttpClient(new SocketsHttpHandler
        {
            // One session for the whole cluster: the nodes share their data-protection keys, so any node reads it.
            CookieContainer = Cookies,
            UseCookies = true,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = 128,
        })
        {
            // Orleans answers a call to an unreachable grain within its 30 s response timeout; a command that takes
            // longer than this counts as failed (its outcome unknown) and is retried with the same commandId.
            Timeout = TimeSpan.FromSeconds(20),
        };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Signs in as the first administrator (password from PTHUB_ADMIN_PASSWORD, as the nodes got it).</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var password = Environment.GetEnvironmentVariable("PTHUB_ADMIN_PASSWORD")
            ?? throw new InvalidOperationException("PTHUB_ADMIN_PASSWORD is not set: the drill signs in as the administrator the nodes created with it.");
        using var response = await Http.PostAsJsonAsync(new Uri(Urls[0], "api/account/sign-in"), new { userName = "admin", password }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public IReadOnlyList<Uri> Urls { get; }

    public HttpClient Http { get; }

    public void MarkDead(int node)
    {
        lock (_gate)
        {
            _dead.Add(node);
        }
    }

    public void ReviveAll()
    {
        lock (_gate)
        {
            _dead.Clear();
        }
    }

    public bool IsDead(int node)
    {
        lock (_gate)
        {
            return _dead.Contains(node);
        }
    }

    /// <summary>The next live node, round-robin.</summary>
    public int Next()
    {
        lock (_gate)
        {
            for (var i = 0; i < Urls.Count; i++)
            {
                var node = _next++ % Urls.Count;
                if (!_dead.Contains(node))
                {
                    return node;
                }
            }

            throw new InvalidOperationException("Every node is marked dead.");
        }
    }

    public Uri Url(int node, string path) => new(Urls[node], path.TrimStart('/'));

    /// <summary>A read through any live node, retried a few times over transient failures (for setup and checks).</summary>
    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var node = Next();
            try
            {
                using var response = await Http.GetAsync(Url(node, path), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
                }

                last = new HttpRequestException($"GET {path} on node {node + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), cancellationToken);
        }

        throw new InvalidOperationException($"GET {path} failed: {last?.Message}", last);
    }

    /// <summary>A setup write (create clinic, register patient) through any live node, retried over transient failures.</summary>
    public async Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var node = Next();
            try
            {
                using var request = new HttpRequestMessage(method, Url(node, path)) { Content = JsonContent.Create(body) };
                using var response = await Http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
                }

                last = new HttpRequestException($"{method} {path} on node {node + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), cancellationToken);
        }

        throw new InvalidOperationException($"{method} {path} failed: {last?.Message}", last);
    }

    public void Dispose() => Http.Dispose();
}
