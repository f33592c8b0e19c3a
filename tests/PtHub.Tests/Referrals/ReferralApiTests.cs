using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PtHub.Grains;
using PtHub.Grains.Contracts;
using PtHub.Tests.Api;

namespace PtHub.Tests.Referrals;

/// <summary>
/// Referrals through the REST API: conversion counted exactly at 7 days from receipt, by source and by provider; the
/// NPI's check digit; the letter to the provider; who may do what; bad input refused with nothing changed.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ReferralApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1234567893", true)]
    [InlineData("1245319599", true)]
    [InlineData("1234567890", false)]
    [InlineData("123456789", false)]
    [InlineData("12345678931", false)]
    [InlineData("12345678a3", false)]
    public void AnNpiIsTenDigitsWithALuhnCheckDigitOverThePrefix80840(string npi, bool valid) => Assert.Equal(valid, Npi.IsValid(npi));

    [Fact]
    public async Task AReferralConvertsWhenThePatientAttendsAVisitWithinSevenDaysOfReceiptCountedBySourceAndProvider()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/referrals";
        var today = await TodayAsync(clinic);
        var smith = await ProviderAsync(clinic, "Dr. Jane Smith", "1234567893");
        var atSeven = await clinic.AddPatientAsync("Seven", "Days");
        var atEight = await clinic.AddPatientAsync("Eight", "Days");
        var booked = await clinic.AddPatientAsync("Only", "Booked");
        await Post(api, new { receivedOn = today.AddDays(-7), patientId = atSeven, reason = "ACL reconstruction, post-op", source = "Physician", providerId = smith });
        await Post(api, new { receivedOn = today.AddDays(-8), patientId = atEight, reason = "Low back pain", source = "Physician", providerId = smith });
        await Post(api, new { receivedOn = today, patientId = booked, reason = "Shoulder pain", source = "Web" });
        foreach (var patient in new[] { atSeven, atEight })
        {
            await AttendAsync(clinic, patient);
        }

        var bookedVisit = await clinic.BookAsync(booked);

        var report = (await Http.GetFromJsonAsync<JsonObject>($"{api}/conversion", Ct))!;
        Assert.Equal("All referrals 3 1 33", Row(report["total"]!));
        Assert.Equal(["Physician 2 1 50", "Self 0 0 0", "Web 1 0 0", "Social 0 0 0", "Event 0 0 0", "Other 0 0 0"],
            report["bySource"]!.AsArray().Select(r => Row(r!)));
        Assert.Equal(["Dr. Jane Smith 2 1 50"], report["byProvider"]!.AsArray().Select(r => Row(r!)));
        var list = (await Http.GetFromJsonAsync<JsonArray>(api, Ct))!;
        Assert.Equal(["Booked, Only false booked", "Days, Seven true checked-out", "Days, Eight false checked-out"],
            list.Select(r => $"{r!["patientName"]} {r["converted"]} {r["firstVisitStatus"]}"));
        Assert.Equal(bookedVisit, list[0]!["firstVisitId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheLetterToTheReferringProviderSaysTheFirstVisitAndVisitsAttended()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/referrals";
        var today = await TodayAsync(clinic);
        var provider = await ProviderAsync(clinic, "Dr. Omar Haddad", "1245319599");
        var patient = await clinic.AddPatientAsync("Lena", "Ortiz");
        var referral = await Post(api, new { receivedOn = today.AddDays(-2), patientId = patient, reason = "Rotator cuff repair", source = "Physician", providerId = provider });
        await AttendAsync(clinic, patient);
        var self = await Post(api, new { receivedOn = today, patientId = patient, reason = "Neck pain", source = "Self" });

        var letter = (await Http.GetFromJsonAsync<JsonObject>($"{api}/{referral["referralId"]}/letter", Ct))!;

        Assert.Equal(("Dr. Omar Haddad", "Lena Ortiz", "Rotator cuff repair", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "checked-out", 1),
            (letter["providerName"]!.GetValue<string>(), letter["patientName"]!.GetValue<string>(), letter["reason"]!.GetValue<string>(),
                letter["firstVisitDate"]!.GetValue<string>(), letter["firstVisitStatus"]!.GetValue<string>(), letter["visitsAttended"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Http.GetAsync($"{api}/{self["referralId"]}/letter", Ct)).StatusCode);
        var audit = (await Http.GetFromJsonAsync<JsonArray>($"/api/clinics/{clinic.Id}/audit?patientId={patient}", Ct))!;
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "referral.letter");
    }

    [Fact]
    public async Task TheDeskTakesReferralsInAndOnlyManagersReadConversion()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        using var desk = await fixture.Node.SignInAsNewAsync(StaffRole.FrontDesk, [clinic.Id]);
        using var therapist = await fixture.Node.SignInAsNewAsync(StaffRole.Therapist, [clinic.Id], "ann");
        var api = $"/api/clinics/{clinic.Id}/referrals";
        var patient = await clinic.AddPatientAsync();

        using (var taken = await desk.Http.PostAsJsonAsync(api, new { receivedOn = await TodayAsync(clinic), patientId = patient, reason = "Knee pain", source = "Event" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Http.GetAsync($"{api}/conversion", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.Http.GetAsync(api, Ct)).StatusCode);
        Assert.Single((await desk.Http.GetFromJsonAsync<JsonArray>(api, Ct))!);
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndChangesNothing()
    {
        var clinic = await ApiClinic.CreateAsync(Http);
        var api = $"/api/clinics/{clinic.Id}/referrals";
        var today = await TodayAsync(clinic);
        var provider = await ProviderAsync(clinic, "Dr. Jane Smith", "1234567893");
        var patient = await clinic.AddPatientAsync();
        var other = await ApiClinic.CreateAsync(Http);
        var stranger = await other.AddPatientAsync();

        foreach (var (method, path, body, field) in new (string, string, object, string)[]
        {
            ("POST", $"{api}/providers", new { name = "Dr. Typo", npi = "1234567890" }, "npi"),
            ("POST", $"{api}/providers", new { npi = "1245319599" }, "name"),
            ("PUT", $"{api}/providers/{provider}", new { name = "Dr. Jane Smith", npi = "12345" }, "npi"),
            ("POST", api, new { receivedOn = today.AddDays(1), patientId = patient, reason = "x", source = "Web" }, "receivedOn"),
            ("POST", api, new { receivedOn = today, patientId = patient, source = "Web" }, "reason"),
            ("POST", api, new { receivedOn = today, patientId = patient, reason = "x" }, "source"),
            ("POST", api, new { receivedOn = today, patientId = patient, reason = "x", source = "Physician" }, "providerId"),
            ("POST", api, new { receivedOn = today, patientId = patient, reason = "x", source = "Web", providerId = provider }, "providerId"),
            ("POST", api, new { receivedOn = today, patientId = stranger, reason = "x", source = "Web" }, "patientId"),
        })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body) }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {field}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![field] is not null, $"{path}: {field}");
        }

        Assert.Equal(HttpStatusCode.Conflict, (await Http.PostAsJsonAsync($"{api}/providers", new { name = "Dr. Same", npi = "1234567893" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Http.PostAsJsonAsync(api, new { receivedOn = today, patientId = patient, reason = "x", source = "Physician", providerId = "nobody" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync($"{api}/conversion?from={today}&to={today.AddDays(-1)}", Ct)).StatusCode);
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>(api, Ct))!);
        Assert.Equal(["Dr. Jane Smith"], (await Http.GetFromJsonAsync<JsonArray>($"{api}/providers", Ct))!.Select(p => p!["name"]!.GetValue<string>()));
    }

    private static string Row(JsonNode row) => $"{row["name"]} {row["referrals"]} {row["converted"]} {row["percent"]}";

    /// <summary>A visit today, through the whole day to checked out.</summary>
    private static async Task AttendAsync(ApiClinic clinic, string patientId)
    {
        var visitId = await clinic.BookAsync(patientId);
        foreach (var action in new[] { "arrive", "check-in", "assign", "start", "finish", "check-out" })
        {
            using var response = await clinic.CommandAsync(visitId, action, action == "assign" ? new { roomId = "gym" } : null);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private async Task<DateOnly> TodayAsync(ApiClinic clinic) =>
        DateOnly.Parse((await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinic.Id}/referrals/conversion", Ct))!["to"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<string> ProviderAsync(ApiClinic clinic, string name, string npi) =>
        (await Post($"/api/clinics/{clinic.Id}/referrals/providers", new { name, npi, practice = "Lakeside Orthopedics", fax = "555-0100" }))["providerId"]!.GetValue<string>();

    private async Task<JsonObject> Post(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
