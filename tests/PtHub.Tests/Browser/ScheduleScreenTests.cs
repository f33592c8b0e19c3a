using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PtHub.Tests.Browser;

/// <summary>
/// The schedule worked as the front desk would: book from an empty slot (registering the patient), see a conflict and
/// book anyway with a reason, drag a visit to another therapist, move one with the keyboard, fill a cancellation from
/// the waitlist, find the next free slots and book a plan of care, with a second browser following every change live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScheduleScreenTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = 30_000 };
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A week ahead in the clinic's zone, open 08:00–18:00 every day, so the test never books into the past.</summary>
    private static DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).DateTime).AddDays(7);

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Chicago.GetUtcOffset(local));
    }

    private HttpClient Http => fixture.Node.Http;

    private async Task<string> CreateClinicAsync()
    {
        var id = "sched-" + Guid.NewGuid().ToString("N")[..8];
        var response = await Http.PutAsJsonAsync($"/api/clinics/{id}", new
        {
            name = "Schedule test PT",
            timeZoneId = "America/Chicago",
            openingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, opens = "08:00:00", closes = "18:00:00" }),
            rooms = new object[] { new { id = "room-1", name = "Room 1", kind = "private", capacity = 1 }, new { id = "gym", name = "Gym", kind = "gym", capacity = 4 } },
            therapists = new object[] { new { id = "ann", displayName = "Ann P., PT", maxConcurrentPatients = 1 }, new { id = "bob", displayName = "Bob Q., PTA", maxConcurrentPatients = 1 } },
        }, Ct);
        response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<string> PatientAsync(string clinicId, string first, string last)
    {
        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinicId}/patients",
            new { firstName = first, lastName = last, birthDate = "1970-04-02", phone = $"312-555-{Random.Shared.Next(1000, 9999)}", confirmedNew = true }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["patientId"]!.GetValue<string>();
    }

    private async Task<string> BookAsync(string clinicId, string patientId, string therapistId, DateTimeOffset start)
    {
        var response = await Http.PostAsJsonAsync($"/api/clinics/{clinicId}/visits", new { patientId, therapistId, visitType = "follow-up", scheduledStart = start }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["visitId"]!.GetValue<string>();
    }

    private async Task<JsonArray> EntriesAsync(string clinicId, DateOnly date) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/schedule?date={date:yyyy-MM-dd}", Ct))!["entries"]!.AsArray();

    private Task<IPage> OpenScheduleAsync(string clinicId, string query = "") =>
        fixture.OpenAsync($"/schedule/{clinicId}?date={Day:yyyy-MM-dd}{query}", 1600, 1000);

    private static ILocator Slot(IPage page, string column, string time) => page.Locator($"[data-column={column}] .slot[data-time=\"{time}\"]");

    private static ILocator Visit(IPage page, string column, string patientName) =>
        page.Locator($"[data-column={column}] .appt").Filter(new() { HasText = patientName });

    [Fact]
    public async Task TheDeskBooksANewPatientIntoAnEmptySlotAndASecondBrowserSeesItWithoutReloading()
    {
        var clinicId = await CreateClinicAsync();
        var watching = await OpenScheduleAsync(clinicId);
        await Assertions.Expect(watching.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var desk = await OpenScheduleAsync(clinicId);
        await Assertions.Expect(desk.Locator("[data-column=ann] .sched-head")).ToContainTextAsync("08:00", new() { Timeout = 30_000 });

        await Slot(desk, "ann", "10:00").ClickAsync();
        var dialog = desk.Locator("dialog[open]");
        await dialog.Locator("#new-patient").ClickAsync();
        await dialog.Locator("input[name=firstName]").FillAsync("Imani");
        await dialog.Locator("input[name=lastName]").FillAsync("Brookfield");
        await dialog.Locator("input[name=birthDate]").FillAsync("1984-06-30");
        await dialog.Locator("#register").ClickAsync();
        await Assertions.Expect(dialog.Locator("#picked-patient")).ToContainTextAsync("Brookfield, Imani", PatientlyContains);
        await Assertions.Expect(dialog.Locator("input[name=time]")).ToHaveValueAsync("10:00");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(Visit(desk, "ann", "Brookfield, Imani")).ToContainTextAsync("10:00–10:45", PatientlyContains);
        await Assertions.Expect(Visit(watching, "ann", "Brookfield, Imani")).ToContainTextAsync("Booked", PatientlyContains);
        var entry = Assert.Single(await EntriesAsync(clinicId, Day))!;
        Assert.Equal(At(Day, 10), entry["scheduledStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal("ann", entry["therapistId"]!.GetValue<string>());
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "schedule-day.png") });
    }

    [Fact]
    public async Task TheDeskFindsAKnownPatientAsItTypesInTheBookingDialogAndBooksThem()
    {
        var clinicId = await CreateClinicAsync();
        var wanted = await PatientAsync(clinicId, "Marisol", "Quintero");
        await PatientAsync(clinicId, "Marcus", "Abernathy");
        var page = await OpenScheduleAsync(clinicId);
        await Assertions.Expect(page.Locator("[data-column=bob] .sched-head")).ToContainTextAsync("08:00", new() { Timeout = 30_000 });

        await Slot(page, "bob", "11:30").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        // Part of each name, other case, last name first: as a receptionist types while the patient spells it.
        await dialog.Locator("#patient-query").PressSequentiallyAsync("QUINT mar");
        var result = dialog.Locator($"button.result[data-patient-id='{wanted}']");
        await Assertions.Expect(result).ToContainTextAsync("Quintero, Marisol", PatientlyContains);
        await Assertions.Expect(dialog.Locator("button.result")).ToHaveCountAsync(1);
        await result.ClickAsync();
        await Assertions.Expect(dialog.Locator("#picked-patient")).ToContainTextAsync("Quintero, Marisol");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(Visit(page, "bob", "Quintero, Marisol")).ToContainTextAsync("11:30", PatientlyContains);
        var entry = Assert.Single(await EntriesAsync(clinicId, Day))!;
        Assert.Equal(wanted, entry["patientId"]!.GetValue<string>());
        Assert.Equal(At(Day, 11, 30), entry["scheduledStart"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task AConflictIsShownInWordsAndTheDeskBooksAnywayWithAReason()
    {
        var clinicId = await CreateClinicAsync();
        await BookAsync(clinicId, await PatientAsync(clinicId, "Otto", "Early"), "ann", At(Day, 10));
        var page = await OpenScheduleAsync(clinicId);
        await Assertions.Expect(Visit(page, "ann", "Early, Otto")).ToBeVisibleAsync(Patiently);

        // The slot at 10:15 in Bob's column, then Ann as therapist: Ann is taken until 10:45.
        await Slot(page, "bob", "10:15").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.Locator("#new-patient").ClickAsync();
        await dialog.Locator("input[name=firstName]").FillAsync("Nadia");
        await dialog.Locator("input[name=lastName]").FillAsync("Second");
        await dialog.Locator("input[name=birthDate]").FillAsync("1990-01-15");
        await dialog.Locator("#register").ClickAsync();
        await Assertions.Expect(dialog.Locator("#picked-patient")).ToBeVisibleAsync(Patiently);
        await dialog.Locator("select[name=therapistId]").SelectOptionAsync("ann");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(dialog.Locator(".conflicts")).ToContainTextAsync("Ann P., PT already has 1 patient(s) booked during 10:15-11:00", PatientlyContains);
        Assert.Single(await EntriesAsync(clinicId, Day));
        await Assertions.Expect(dialog.Locator("#confirm")).ToHaveTextAsync("Book anyway");
        await dialog.Locator("#override-reason").FillAsync("post-op, surgeon asked for today");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(Visit(page, "ann", "Second, Nadia")).ToBeVisibleAsync(Patiently);
        var booked = (await EntriesAsync(clinicId, Day)).Single(e => e!["patientName"]!.GetValue<string>() == "Second, Nadia")!;
        var history = (await Http.GetFromJsonAsync<JsonObject>($"/api/clinics/{clinicId}/visits/{booked["visitId"]}", Ct))!.ToJsonString();
        Assert.Contains("post-op, surgeon asked for today", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraggingAVisitToAnotherTherapistsSlotMovesItAndTheMenuMovesOneByKeyboard()
    {
        var clinicId = await CreateClinicAsync();
        var dragged = await BookAsync(clinicId, await PatientAsync(clinicId, "Lena", "Dragged"), "ann", At(Day, 9));
        await BookAsync(clinicId, await PatientAsync(clinicId, "Karl", "Keyed"), "ann", At(Day, 11));
        var page = await OpenScheduleAsync(clinicId);
        await Assertions.Expect(Visit(page, "ann", "Dragged, Lena")).ToBeVisibleAsync(Patiently);

        await Visit(page, "ann", "Dragged, Lena").DragToAsync(Slot(page, "bob", "14:00"));

        await Assertions.Expect(Visit(page, "bob", "Dragged, Lena")).ToContainTextAsync("14:00–14:45", PatientlyContains);
        await Assertions.Expect(Visit(page, "ann", "Dragged, Lena")).ToHaveCountAsync(0);
        var moved = (await EntriesAsync(clinicId, Day)).Single(e => e!["visitId"]!.GetValue<string>() == dragged)!;
        Assert.Equal("bob", moved["therapistId"]!.GetValue<string>());
        Assert.Equal(At(Day, 14), moved["scheduledStart"]!.GetValue<DateTimeOffset>());

        // Without a mouse: focus the visit, open its menu with Enter, and move it to the next day at 15:30.
        await Visit(page, "ann", "Keyed, Karl").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("dialog[open] #menu-move").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.Locator("input[name=date]").FillAsync($"{Day.AddDays(1):yyyy-MM-dd}");
        await dialog.Locator("input[name=time]").FillAsync("15:30");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(Visit(page, "ann", "Keyed, Karl")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var nextDay = Assert.Single(await EntriesAsync(clinicId, Day.AddDays(1)))!;
        Assert.Equal(At(Day.AddDays(1), 15, 30), nextDay["scheduledStart"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task ACancellationOpensASlotAndTheDeskBooksTheWaitlistedPatientIntoIt()
    {
        var clinicId = await CreateClinicAsync();
        await BookAsync(clinicId, await PatientAsync(clinicId, "Cora", "Cancels"), "ann", At(Day, 13));
        var waiting = await PatientAsync(clinicId, "Wes", "Waiting");
        var added = await Http.PostAsJsonAsync($"/api/clinics/{clinicId}/waitlist", new { patientId = waiting, visitType = "follow-up", priority = 1 }, Ct);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        var page = await OpenScheduleAsync(clinicId);

        await Visit(page, "ann", "Cancels, Cora").ClickAsync();
        await page.Locator("dialog[open] #menu-cancel").ClickAsync();
        await page.Locator("dialog[open] #cancel-reason").FillAsync("flu");
        await page.Locator("dialog[open] #confirm-cancel").ClickAsync();

        var opening = page.Locator("[data-column=ann] .opening");
        await Assertions.Expect(opening).ToContainTextAsync("1 on the waitlist fits", PatientlyContains);
        await Assertions.Expect(Visit(page, "ann", "Cancels, Cora")).ToHaveCountAsync(0);
        await opening.ClickAsync();
        await page.Locator("dialog[open] .candidates button").Filter(new() { HasText = "Book" }).ClickAsync();

        await Assertions.Expect(Visit(page, "ann", "Waiting, Wes")).ToContainTextAsync("13:00–13:45", PatientlyContains);
        await Assertions.Expect(opening).ToHaveCountAsync(0);
        // Cancelled visits stay on record, shown when asked for.
        await page.Locator("#show-closed").CheckAsync();
        await Assertions.Expect(Visit(page, "ann", "Cancels, Cora")).ToContainTextAsync("Cancelled");
    }

    [Fact]
    public async Task TheNextFreeSlotsKeepToThePatientsPreferencesAndOneTapBooksTheSlot()
    {
        var clinicId = await CreateClinicAsync();
        var patientId = await PatientAsync(clinicId, "Priya", "Prefers");
        await BookAsync(clinicId, patientId, "bob", At(Day, 8));
        var page = await OpenScheduleAsync(clinicId);
        await Visit(page, "bob", "Prefers, Priya").ClickAsync();
        await page.Locator("dialog[open] #menu-slots").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.Locator("select[name=therapistId]").SelectOptionAsync("ann");
        var weekday = Day.AddDays(1).DayOfWeek.ToString();
        await dialog.Locator($"input[name=weekday][value={weekday}]").CheckAsync();
        await dialog.Locator("input[name=from]").FillAsync($"{Day.AddDays(1):yyyy-MM-dd}");
        await dialog.Locator("input[name=after]").FillAsync("16:00");
        await dialog.Locator("#find").ClickAsync();

        var slots = dialog.Locator(".free-slot");
        // 16:00, 16:15 … 17:15 on each of two matching weekdays in 14 days: a 45-minute visit ends by closing at 18:00.
        await Assertions.Expect(slots).ToHaveCountAsync(12, new() { Timeout = 30_000 });
        await Assertions.Expect(slots.First).ToContainTextAsync("04:00 PM");
        await slots.First.ClickAsync();
        await Assertions.Expect(dialog.Locator("#picked-patient")).ToContainTextAsync("Prefers, Priya");
        await dialog.Locator("#confirm").ClickAsync();

        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Booked", PatientlyContains);
        var booked = Assert.Single(await EntriesAsync(clinicId, Day.AddDays(1)))!;
        Assert.Equal(At(Day.AddDays(1), 16), booked["scheduledStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal("ann", booked["therapistId"]!.GetValue<string>());
    }

    [Fact]
    public async Task APlanOfCareIsBookedFromTheScheduleAndItsSessionsShowInTheTherapistsWeek()
    {
        var clinicId = await CreateClinicAsync();
        var patientId = await PatientAsync(clinicId, "Paul", "Planned");
        await BookAsync(clinicId, patientId, "ann", At(Day, 8));
        var page = await OpenScheduleAsync(clinicId);
        await Visit(page, "ann", "Planned, Paul").ClickAsync();
        await page.Locator("dialog[open] #menu-plan").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.Locator("input[name=perWeek]").FillAsync("2");
        await dialog.Locator("input[name=weeks]").FillAsync("2");
        await dialog.Locator("input[name=startDate]").FillAsync($"{Day.AddDays(1):yyyy-MM-dd}");
        await dialog.Locator("input[name=time]").FillAsync("15:00");
        await dialog.Locator("#create-plan").ClickAsync();

        await Assertions.Expect(dialog.Locator("#plan-summary")).ToContainTextAsync("4 of 4 visits booked", PatientlyContains);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await page.Locator("#view-week").ClickAsync();
        await Assertions.Expect(page.Locator(".sched-col")).ToHaveCountAsync(7, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#week-therapist")).ToHaveValueAsync("ann");
        // The week shown is Monday to Sunday around the date: as many of Paul's visits as the API lists on those days.
        var monday = Day.AddDays(-(((int)Day.DayOfWeek + 6) % 7));
        var expected = 0;
        for (var d = 0; d < 7; d++)
        {
            expected += (await EntriesAsync(clinicId, monday.AddDays(d))).Count(e => e!["patientName"]!.GetValue<string>() == "Planned, Paul");
        }

        Assert.InRange(expected, 2, 3);
        await Assertions.Expect(page.Locator(".appt").Filter(new() { HasText = "Planned, Paul" })).ToHaveCountAsync(expected, new() { Timeout = 30_000 });
    }
}
