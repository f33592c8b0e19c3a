using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Audit;

/// <summary>Reading a clinic's audit log over HTTP: filters, order, limits, CSV export and bad input.</summary>
[Collection(AuditNodeCollection.Name)]
public sealed class AuditApiTests(AuditNodeFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Six entries an hour apart: users u-ana/u-bo alternate, patients p-1, p-2, p-1, p-2, p-1, none.</summary>
    private async Task<(string Clinic, DateTimeOffset Start, AuditEntry[] Entries)> SixHoursAsync(string name)
    {
        var clinic = Records.NewClinic(name);
        var start = fixture.Clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        string?[] patients = ["p-1", "p-2", "p-1", "p-2", "p-1", null];
        for (var i = 0; i < patients.Length; i++)
        {
            entries.Add(await fixture.Chain(clinic).Append(Records.Read(clinic, userId: i % 2 == 0 ? "u-ana" : "u-bo", patientId: patients[i])));
            fixture.Clock.Advance(TimeSpan.FromHours(1));
        }

        return (clinic, start, [.. entries]);
    }

    private async Task AssertSequencesAsync(string clinic, string query, params long[] expected)
    {
        var entries = await fixture.Node.Http.GetFromJsonAsync<AuditEntry[]>($"/api/clinics/{clinic}/audit{query}", Json, Ct);
        Assert.Equal(expected, entries!.Select(e => e.Sequence));
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_patient_user_and_time()
    {
        var (clinic, start, entries) = await SixHoursAsync("query");

        await AssertSequencesAsync(clinic, "", 6, 5, 4, 3, 2, 1);
        await AssertSequencesAsync(clinic, "?patientId=p-1", 5, 3, 1);
        await AssertSequencesAsync(clinic, "?userId=u-bo", 6, 4, 2);
        await AssertSequencesAsync(clinic, "?userId=u-bo&patientId=p-2", 4, 2);
        await AssertSequencesAsync(clinic, $"?from={Iso(start.AddHours(1))}&to={Iso(start.AddHours(4))}", 4, 3, 2);
        await AssertSequencesAsync(clinic, $"?from={Iso(start.AddHours(4))}", 6, 5);
        await AssertSequencesAsync(clinic, "?limit=2", 6, 5);
        await AssertSequencesAsync(Records.NewClinic("nobody"), "");

        var full = await fixture.Node.Http.GetFromJsonAsync<AuditEntry[]>($"/api/clinics/{clinic}/audit?limit=1", Json, Ct);
        Assert.Equal(entries[^1], full!.Single());
    }

    [Fact]
    public async Task The_csv_export_has_a_header_quoted_values_and_is_a_download()
    {
        var clinic = Records.NewClinic("csv");
        var record = Records.Read(clinic, patientId: "p-9") with { Resource = "/api/x?a=1,b=\"2\"", UserId = "=cmd" };
        var entry = await fixture.Chain(clinic).Append(record);
        await fixture.Chain(clinic).Append(Records.Read(clinic, patientId: "p-other"));

        using var response = await fixture.Node.Http.GetAsync(new Uri($"/api/clinics/{clinic}/audit.csv?patientId=p-9", UriKind.Relative), Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("chain,sequence,at,user_id,role,clinic_id,patient_id,action,resource,outcome,source,previous_hash,hash,patients", lines[0]);
        Assert.Equal(
            $"\"{clinic}\",1,\"{entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\",\"'=cmd\",\"front-desk\",\"{clinic}\",\"p-9\",\"patient.read\","
            + $"\"/api/x?a=1,b=\"\"2\"\"\",\"ok\",\"10.0.0.7\",\"{entry.PreviousHash}\",\"{entry.Hash}\",",
            lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-13-45", "to")]
    [InlineData("?from=2026-03-02T12:00:00Z&to=2026-03-02T11:00:00Z", "to")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=5001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("", "clinicId", "-not-an-id")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_field(string query, string field, string clinicId = "any")
    {
        foreach (var path in new[] { "audit", "audit.csv" })
        {
            using var response = await fixture.Node.Http.GetAsync(new Uri($"/api/clinics/{clinicId}/{path}{query}", UriKind.Relative), Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            Assert.NotNull(problem["errors"]![field]);
        }
    }
}
