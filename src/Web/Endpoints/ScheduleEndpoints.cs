using PtHub.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>The schedule of a day, and finding free time in it.</summary>
internal static class ScheduleEndpoints
{
    private const int MaxDays = 31;

    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/clinics/{clinicId}/schedule", Schedule).WithTags("Scheduling").RequireAuthorization(AccessPolicies.FrontDesk).Audited("schedule.read")
            .WithSummary("The schedule of a day (default: today in the clinic's time zone): its frame, every visit, and the openings; live through the hub's SubscribeSchedule");
        api.MapGet("/clinics/{clinicId}/free-slots", FreeSlots).WithTags("Scheduling").RequireAuthorization(AccessPolicies.FrontDesk)
            .WithSummary("Free starts for a visit type with one therapist or any, from a date for a number of days (at most 31)");
        api.MapPut("/clinics/{clinicId}/therapists/{therapistId}/running-late", RunningLate).WithTags("Scheduling").RequireAuthorization(AccessPolicies.Staff)
            .WithSummary("The therapist is running late today by this many minutes (0: on time); later starts and lobby waits move");
        return api;
    }

    private static Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> Schedule(
        string clinicId, DateOnly? date, IGrainFactory grains, HttpContext http, [FromKeyedServices(Clock.Key)] TimeProvider time) =>
        new ClinicDayQuery(clinicId, date, grains, time).ReadAsync(async day =>
        {
            var schedule = await day.Live.GetSchedule();
            http.DisclosePatients(Disclosed.PatientsOf(schedule));
            return schedule;
        });

    private static async Task<Results<Ok<FreeSlots>, ValidationProblem, ProblemHttpResult>> FreeSlots(
        string clinicId, string? visitType, string? therapistId, DateOnly? from, int? days, string? weekdays, TimeOnly? after, TimeOnly? before,
        IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var type = config.FindVisitType(visitType ?? "follow-up");
        var errors = new Dictionary<string, string[]>();
        if (type is null)
        {
            errors["visitType"] = [$"Unknown visit type '{visitType}'; {config.Name} offers {string.Join(", ", config.VisitTypes.Select(t => t.Code))}."];
        }

        if (therapistId is not null && config.FindTherapist(therapistId) is null)
        {
            errors["therapistId"] = [$"No therapist '{therapistId}' in {config.Name}."];
        }

        if (days is < 1 or > MaxDays)
        {
            errors["days"] = [$"days is 1 to {MaxDays}."];
        }

        if (from is { } asked && !DateWindow.Contains(asked, time.GetUtcNow()))
        {
            errors["from"] = [DateWindow.Message("from")];
        }

        var preferredDays = Weekdays.Parse(weekdays, out var unknownDays);
        if (unknownDays.Count > 0)
        {
            errors["weekdays"] = [$"Unknown weekday {string.Join(", ", unknownDays.Select(d => $"'{d}'"))}; use names or three letters, e.g. mon,wed,fri."];
        }

        if (after is { } earliest && before is { } latest && earliest >= latest)
        {
            errors["before"] = [$"before ({latest:HH:mm}) must be later than after ({earliest:HH:mm})."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var first = from ?? config.LocalDate(time.GetUtcNow());
        var therapists = therapistId is null ? config.Therapists.Select(t => t.Id).ToArray() : [therapistId];
        var queries = Enumerable.Range(0, days ?? 7).Select(d => first.AddDays(d))
            .SelectMany(date => therapists.Select(async t => (Therapist: t,
                Starts: await grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, date)).FreeStarts(t, type!.DefaultMinutes))));
        var found = await Task.WhenAll(queries);
        // Preferences are the patient's wall clock: weekday and time of day in the clinic's zone; a slot must start at or
        // after "after" and end by "before".
        bool Preferred(DateTimeOffset start)
        {
            var local = TimeZoneInfo.ConvertTime(start, config.TimeZone);
            var time = TimeOnly.FromDateTime(local.DateTime);
            return (preferredDays.Count == 0 || preferredDays.Contains(local.DayOfWeek))
                && (after is null || time >= after)
                && (before is null || time.AddMinutes(type!.DefaultMinutes) <= before && time.AddMinutes(type.DefaultMinutes) > time);
        }

        var slots = found.SelectMany(f => f.Starts.Where(Preferred).Select(s => new FreeSlot(s, f.Therapist)))
            .OrderBy(s => s.Start).ThenBy(s => s.TherapistId, StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new FreeSlots(type!.Code, type.DefaultMinutes, slots));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RunningLate(
        string clinicId, string therapistId, RunningLateBody body, IGrainFactory grains, [FromKeyedServices(Clock.Key)] TimeProvider time)
    {
        if (body.Minutes is not { } minutes)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["minutes"] = ["minutes is required (0 to 240)."] });
        }

        if (await grains.GetGrain<IClinicGrain>(clinicId).GetConfig() is not { } config)
        {
            return Problems.NotFound($"No clinic '{clinicId}'.");
        }

        var today = grains.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, config.LocalDate(time.GetUtcNow())));
        return await today.SetRunningLate(therapistId, minutes) is { } refusal ? Problems.From(refusal) : TypedResults.NoContent();
    }
}
