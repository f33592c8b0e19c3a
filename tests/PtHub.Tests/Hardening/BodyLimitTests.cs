using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PtHub.Tests.Api;

namespace PtHub.Tests.Hardening;

[Collection(NodeCollection.Name)]
public sealed class BodyLimitTests(NodeFixture fixture)
{
    private const int Limit = 64 * 1024;

    private HttpClient Http => fixture.Node.Http;

    /// <summary>A clinic configuration that would be valid but for its size: the name pads it past the limit.</summary>
    private static string OversizedConfig() =>
        JsonSerializer.Serialize(new { name = new string('N', Limit + 1024), timeZoneId = "America/New_York" });

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ABodyOverTheLimitWithItsLengthDeclaredIsRefused413AndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var before = await Http.GetStringAsync($"/api/clinics/{clinic.Id}");

        var response = await Http.PutAsync($"/api/clinics/{clinic.Id}", new StringContent(OversizedConfig(), Encoding.UTF8, "application/json"));

        await AssertTooLargeAsync(response);
        Assert.Equal(before, await Http.GetStringAsync($"/api/clinics/{clinic.Id}"));
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefused413AndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var before = await Http.GetStringAsync($"/api/clinics/{clinic.Id}");
        // No length: the client sends the body chunked, so the server finds out only while reading it.
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(OversizedConfig())));
        content.Headers.ContentType = new("application/json");

        var response = await Http.PutAsync($"/api/clinics/{clinic.Id}", content);

        await AssertTooLargeAsync(response);
        Assert.Equal(before, await Http.GetStringAsync($"/api/clinics/{clinic.Id}"));
    }

    [Fact]
    public async Task AnOversizedCommandLeavesTheVisitAsItWas()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var visitId = await clinic.BookAsync(await clinic.AddPatientAsync());
        var before = await clinic.BoardRowsAsync();

        var response = await Http.PostAsync($"/api/clinics/{clinic.Id}/visits/{visitId}/cancel",
            new StringContent(JsonSerializer.Serialize(new { reason = new string('r', Limit) }), Encoding.UTF8, "application/json"));

        await AssertTooLargeAsync(response);
        Assert.Equal(before, await clinic.BoardRowsAsync());
        Assert.Equal("booked", (await clinic.VisitAsync(visitId))["visit"]!["status"]!.GetValue<string>());
        (await clinic.CommandAsync(visitId, "cancel", new { reason = "The same connection pool still works" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsRead()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var padded = JsonSerializer.Serialize(new { name = "Padded", timeZoneId = "America/New_York", lobbyNaming = "initials" });
        padded = padded[..^1] + new string(' ', Limit - Encoding.UTF8.GetByteCount(padded)) + "}";

        var response = await Http.PutAsync($"/api/clinics/{clinic.Id}", new StringContent(padded, Encoding.UTF8, "application/json"));

        Assert.Equal(Limit, Encoding.UTF8.GetByteCount(padded));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Padded", (await Http.GetFromJsonAsync<JsonElement>($"/api/clinics/{clinic.Id}")).GetProperty("name").GetString());
    }
}
