using System.Net;
using System.Net.Http.Json;
using PtHub.Tests.Api;
using PtHub.Tests.Infrastructure;

namespace PtHub.Tests.Hardening;

public sealed class RateLimitTests
{
    private const int CommandsPerMinute = 3;

    [Fact]
    public async Task CommandsBeyondTheLimitAre429WithRetryAfterWhileReadsGoOn()
    {
        await using var node = await AppNode.StartSqliteAsync(null, ("PtHub:Hardening:CommandsPerMinute", $"{CommandsPerMinute}"));
        var clinic = await ApiClinic.CreateAsync(node.Http);

        HttpResponseMessage? refused = null;
        var accepted = 0;
        // The bucket refills one command every 20 s, far slower than these requests are sent.
        for (var attempt = 0; attempt < CommandsPerMinute + 10 && refused is null; attempt++)
        {
            var response = await node.Http.PostAsJsonAsync("/api/billing/units", new { method = "cms", services = Array.Empty<object>() });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                accepted++;
            }
        }

        Assert.NotNull(refused);
        Assert.InRange(accepted, 1, CommandsPerMinute);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await ApiClinic.ProblemAsync(refused);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.CacheControl?.NoStore);

        for (var read = 0; read < 3 * CommandsPerMinute; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync($"/api/clinics/{clinic.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync($"/api/clinics/{clinic.Id}/board")).StatusCode);
        }
    }
}
