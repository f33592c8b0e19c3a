using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PtHub.Tests.Api;

/// <summary>
/// Every setting a clinic's GET shows is set by its PUT; a field the API does not know and every invalid value are
/// 400 problems that say which field and why, and change nothing; a new clinic is created without replacing another.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ClinicSettingsApiTests(NodeFixture fixture)
{
    private HttpClient Http => fixture.Node.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A configuration with every setting away from its default, in the shape and order GET answers.</summary>
    private static JsonObject FirstSettings() => JsonNode.Parse("""
        {
          "name": "Settings test clinic",
          "timeZoneId": "America/Denver",
          "openingHours": [
            { "day": "Monday", "opens": "08:00:00", "closes": "18:00:00" },
            { "day": "Saturday", "opens": "09:00:00", "closes": "13:00:00" }
          ],
          "rooms": [
            { "id": "room-a", "name": "Room A", "kind": "private", "capacity": 1, "outOfService": false },
            { "id": "pool", "name": "Pool", "kind": "pool", "capacity": 3, "outOfService": true }
          ],
          "therapists": [
            {
              "id": "tess", "displayName": "Tess R., PT", "maxConcurrentPatients": 2,
              "workingHours": [
                { "day": "Monday", "start": "08:00:00", "end": "12:00:00" },
                { "day": "Monday", "start": "13:00:00", "end": "17:00:00" }
              ],
              "timeOff": ["2031-03-02"]
            }
          ],
          "alerts": { "waitingMinutes": 7, "roomedWithoutTherapistMinutes": 9, "overrunMinutes": 11 },
          "lobbyNaming": "ticket",
          "visitTypes": [{ "code": "dry-needling", "name": "Dry needling", "defaultMinutes": 30 }],
          "lobbyMessage": "Please check in at the desk.",
          "closedDates": ["2031-12-25", "2032-01-01"],
          "lateCancelHours": 48,
          "noShowGraceMinutes": 20
        }
        """)!.AsObject();

    /// <summary>Every value of <see cref="FirstSettings"/> changed.</summary>
    private static JsonObject SecondSettings() => JsonNode.Parse("""
        {
          "name": "Settings test clinic, renamed",
          "timeZoneId": "Europe/Berlin",
          "openingHours": [{ "day": "Tuesday", "opens": "07:30:00", "closes": "00:00:00" }],
          "rooms": [{ "id": "gym", "name": "Big gym", "kind": "gym", "capacity": 12, "outOfService": true }],
          "therapists": [
            {
              "id": "uli", "displayName": "Uli S., PTA", "maxConcurrentPatients": 3,
              "workingHours": [{ "day": "Tuesday", "start": "07:30:00", "end": "15:00:00" }],
              "timeOff": ["2031-04-01", "2031-04-02"]
            }
          ],
          "alerts": { "waitingMinutes": 20, "roomedWithoutTherapistMinutes": 25, "overrunMinutes": 30 },
          "lobbyNaming": "first-name-last-initial",
          "visitTypes": [{ "code": "aquatic", "name": "Aquatic therapy", "defaultMinutes": 50 }],
          "lobbyMessage": "Free parking behind the building.",
          "closedDates": ["2031-07-04"],
          "lateCancelHours": 12,
          "noShowGraceMinutes": 5
        }
        """)!.AsObject();

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private Task<HttpResponseMessage> PutAsync(string clinicId, string json) =>
        Http.PutAsync($"/api/clinics/{clinicId}", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private async Task<JsonObject> GetAsync(string clinicId) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}", Ct))!;

    private async Task<string> ConfiguredAsync(JsonObject settings)
    {
        var clinicId = NewId("set");
        using var response = await PutAsync(clinicId, settings.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clinicId;
    }

    [Fact]
    public async Task EverySettingTheClinicShowsIsSetByPutAndChangedByTheNext()
    {
        var clinicId = await ConfiguredAsync(FirstSettings());

        var first = await GetAsync(clinicId);
        using var second = await PutAsync(clinicId, SecondSettings().ToJsonString());
        var changed = await GetAsync(clinicId);

        Assert.True(JsonNode.DeepEquals(FirstSettings(), first), $"GET answered {first.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(JsonNode.DeepEquals(SecondSettings(), changed), $"GET answered {changed.ToJsonString()}");
    }

    [Fact]
    public async Task OmittedPoliciesTakeTheirDefaultsAndABlankLobbyMessageIsNone()
    {
        var clinicId = NewId("set");
        using var response = await PutAsync(clinicId, """{"name":"Plain","timeZoneId":"UTC","lobbyMessage":"   "}""");

        var config = await GetAsync(clinicId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(config["lobbyMessage"]);
        Assert.Null(config["closedDates"]);
        Assert.Equal(24, config["lateCancelHours"]!.GetValue<int>());
        Assert.Equal(15, config["noShowGraceMinutes"]!.GetValue<int>());
        Assert.Equal(5, config["openingHours"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("", "lobbyMesage")]
    [InlineData("rooms[0]", "colour")]
    [InlineData("therapists[0]", "email")]
    [InlineData("therapists[0].workingHours[0]", "lunch")]
    [InlineData("alerts", "waitMinutes")]
    [InlineData("visitTypes[0]", "price")]
    [InlineData("openingHours[0]", "note")]
    public async Task AnUnknownFieldIsA400NamingItAndNothingChanges(string where, string unknown)
    {
        var clinicId = await ConfiguredAsync(FirstSettings());
        var before = await GetAsync(clinicId);
        var body = SecondSettings();
        var target = where == "" ? body : Navigate(body, where);
        target[unknown] = "surprise";

        using var response = await PutAsync(clinicId, body.ToJsonString());

        var field = where == "" ? unknown : $"{where}.{unknown}";
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClinic.ProblemAsync(response);
        Assert.Equal("The request has an unknown field.", problem.GetProperty("title").GetString());
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{field}' is not a field", Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, await GetAsync(clinicId)));
    }

    [Theory]
    [InlineData("name", "\"\"", "name", "A clinic needs a name of 1 to 200 characters.")]
    [InlineData("name", "\"%201\"", "name", "A clinic needs a name of 1 to 200 characters.")]
    [InlineData("timeZoneId", "\"Mars/Olympus\"", "timeZoneId", "'Mars/Olympus' is not a known time zone (use an IANA id such as America/Chicago).")]
    [InlineData("openingHours[1].day", "\"Monday\"", "openingHours", "Monday is listed more than once.")]
    [InlineData("openingHours[0].closes", "\"07:00:00\"", "openingHours", "On Monday the clinic closes (07:00) before it opens (08:00).")]
    [InlineData("rooms[0].id", "\"-room\"", "rooms", "'-room' is not a valid id (1-64 letters, digits, '-', '_' or '.', starting with a letter or digit).")]
    [InlineData("rooms[1].id", "\"room-a\"", "rooms", "'room-a' is used more than once.")]
    [InlineData("rooms[0].name", "\" \"", "rooms", "Room 'room-a' needs a name.")]
    [InlineData("rooms[1].capacity", "0", "rooms", "Room 'pool' capacity must be between 1 and 100 (was 0).")]
    [InlineData("rooms[1].capacity", "101", "rooms", "Room 'pool' capacity must be between 1 and 100 (was 101).")]
    [InlineData("therapists[0].id", "\"tess|x\"", "therapists", "'tess|x' is not a valid id (1-64 letters, digits, '-', '_' or '.', starting with a letter or digit).")]
    [InlineData("therapists[0].displayName", "\"\"", "therapists", "Therapist 'tess' needs a display name.")]
    [InlineData("therapists[0].workingHours[0].end", "\"07:00:00\"", "therapists", "Therapist 'tess' stops work on Monday (07:00) before starting (08:00).")]
    [InlineData("therapists[0].maxConcurrentPatients", "11", "therapists", "Therapist 'tess' may treat 1 to 10 patients at once (was 11).")]
    [InlineData("therapists[0].maxConcurrentPatients", "0", "therapists", "Therapist 'tess' may treat 1 to 10 patients at once (was 0).")]
    [InlineData("alerts.waitingMinutes", "0", "alerts", "Alert thresholds must be whole minutes of at least 1.")]
    [InlineData("alerts.roomedWithoutTherapistMinutes", "0", "alerts", "Alert thresholds must be whole minutes of at least 1.")]
    [InlineData("alerts.overrunMinutes", "-3", "alerts", "Alert thresholds must be whole minutes of at least 1.")]
    [InlineData("lateCancelHours", "169", "lateCancelHours", "A late cancel is one within 0 to 168 hours of the visit (was 169).")]
    [InlineData("lateCancelHours", "-1", "lateCancelHours", "A late cancel is one within 0 to 168 hours of the visit (was -1).")]
    [InlineData("noShowGraceMinutes", "241", "noShowGraceMinutes", "The no-show grace is 0 to 240 minutes after the start (was 241).")]
    [InlineData("lobbyMessage", "\"%201\"", "lobbyMessage", "The lobby message has at most 200 characters.")]
    [InlineData("visitTypes[0].defaultMinutes", "4", "visitTypes", "Visit type 'dry-needling' must last 5 to 480 minutes (was 4).")]
    [InlineData("visitTypes[0].defaultMinutes", "481", "visitTypes", "Visit type 'dry-needling' must last 5 to 480 minutes (was 481).")]
    [InlineData("visitTypes[0].code", "\"a b\"", "visitTypes", "'a b' is not a valid id (1-64 letters, digits, '-', '_' or '.', starting with a letter or digit).")]
    [InlineData("closedDates[1]", "\"2031-12-25\"", "closedDates", "2031-12-25 is listed more than once.")]
    [InlineData("rooms[1]", "null", "rooms", "rooms has an empty (null) entry.")]
    [InlineData("therapists[0].workingHours[1]", "null", "therapists", "therapists has an empty (null) entry.")]
    public async Task EachInvalidSettingIsA400SayingWhatIsWrongAndNothingChanges(string path, string value, string field, string message)
    {
        var clinicId = await ConfiguredAsync(FirstSettings());
        var before = await GetAsync(clinicId);
        var body = FirstSettings();
        Set(body, path, value.StartsWith("\"%", StringComparison.Ordinal) ? JsonValue.Create(new string('x', int.Parse(value[2..^1], System.Globalization.CultureInfo.InvariantCulture))) : JsonNode.Parse(value));

        using var response = await PutAsync(clinicId, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(message, errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.True(JsonNode.DeepEquals(before, await GetAsync(clinicId)));
    }

    [Theory]
    [InlineData("lobbyNaming", "\"nickname\"")]
    [InlineData("rooms[0].kind", "\"sauna\"")]
    [InlineData("lateCancelHours", "\"soon\"")]
    [InlineData("closedDates[0]", "\"25/12/2031\"")]
    public async Task AValueOfTheWrongKindIsA400NamingItsFieldAndNothingChanges(string path, string value)
    {
        var clinicId = await ConfiguredAsync(FirstSettings());
        var before = await GetAsync(clinicId);
        var body = FirstSettings();
        Set(body, path, JsonNode.Parse(value));

        using var response = await PutAsync(clinicId, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var lastName = path.Split('.')[^1].Split('[')[0];
        Assert.Contains(lastName, (await ApiClinic.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, await GetAsync(clinicId)));
    }

    [Fact]
    public async Task AnInvalidClinicIdInTheAddressIsRefused()
    {
        using var response = await PutAsync("-starts-with-dash", FirstSettings().ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal("A clinic id is 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit.",
            Assert.Single(errors.GetProperty("clinicId").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task AnAdministratorCreatesANewClinicWithUsualDefaultsAndItIsListed()
    {
        var clinicId = NewId("new");

        using var created = await Http.PostAsJsonAsync("/api/clinics", new { clinicId, name = "Northside PT", timeZoneId = "America/Chicago" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/clinics/{clinicId}", created.Headers.Location?.OriginalString);
        var config = await GetAsync(clinicId);
        Assert.Equal("Northside PT", config["name"]!.GetValue<string>());
        Assert.Equal("America/Chicago", config["timeZoneId"]!.GetValue<string>());
        Assert.Empty(config["rooms"]!.AsArray());
        Assert.Empty(config["therapists"]!.AsArray());
        Assert.Equal(3, config["visitTypes"]!.AsArray().Count);
        Assert.Contains((await Http.GetFromJsonAsync<JsonArray>("/api/clinics", Ct))!, c => c!["clinicId"]!.GetValue<string>() == clinicId);
    }

    [Fact]
    public async Task CreatingAClinicWhoseIdIsTakenIsRefusedAndTheClinicStaysAsItWas()
    {
        var clinicId = await ConfiguredAsync(FirstSettings());

        using var again = await Http.PostAsJsonAsync("/api/clinics", new { clinicId, name = "Impostor", timeZoneId = "UTC" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"'{clinicId}' already exists", (await ApiClinic.ProblemAsync(again)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(FirstSettings(), await GetAsync(clinicId)));
    }

    [Fact]
    public async Task ANewClinicNeedsAValidIdNameAndTimeZoneAndKnowsNoOtherField()
    {
        using var invalid = await Http.PostAsJsonAsync("/api/clinics", new { clinicId = "no spaces", name = "", timeZoneId = "Nowhere/Land" }, Ct);
        using var unknown = await Http.PostAsJsonAsync("/api/clinics", new { clinicId = NewId("new"), name = "X", timeZoneId = "UTC", rooms = Array.Empty<object>() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ApiClinic.ProblemAsync(invalid)).GetProperty("errors");
        Assert.Equal(["clinicId", "name", "timeZoneId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await ApiClinic.ProblemAsync(unknown)).GetProperty("errors").TryGetProperty("rooms", out _));
    }

    [Fact]
    public async Task OnlyAnAdministratorCreatesAClinic()
    {
        var clinicId = await ConfiguredAsync(FirstSettings());
        using var manager = await fixture.Node.SignInAsNewAsync(PtHub.Grains.Contracts.StaffRole.Manager, [clinicId]);

        using var refused = await manager.Http.PostAsJsonAsync("/api/clinics", new { clinicId = NewId("new"), name = "Mine", timeZoneId = "UTC" }, Ct);
        using var configured = await manager.Http.PutAsync($"/api/clinics/{clinicId}", new StringContent(SecondSettings().ToJsonString(), Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    /// <summary>The object at a path such as "therapists[0].workingHours[1]".</summary>
    private static JsonObject Navigate(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var part in path.Split('.'))
        {
            node = Step(node, part);
        }

        return node.AsObject();
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[part]!
            : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var split = path.LastIndexOf('.');
        JsonNode parent = split < 0 ? root : Navigate(root, path[..split]);
        var last = split < 0 ? path : path[(split + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            parent[last] = value;
        }
        else
        {
            parent[last[..bracket]]![int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
    }
}
