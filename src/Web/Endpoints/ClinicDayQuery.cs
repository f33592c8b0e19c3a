using Microsoft.AspNetCore.Http.HttpResults;
using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The preamble of every endpoint about "the clinic's day" (<c>?date=</c>, default today in the clinic's time zone):
/// the date must lie within <see cref="DateWindow"/> (else 400 naming <c>date</c>), and the clinic must exist (else
/// 404). Built by the handler from its own parameters rather than bound with <c>[AsParameters]</c>, so a date that
/// does not parse keeps the binder's message naming <c>date</c>.
/// </summary>
internal sealed record ClinicDayQuery(string ClinicId, DateOnly? Date, IGrainFactory Grains, TimeProvider Time)
{
    /// <summary>The day, or the one problem that answers instead (<paramref name="notFound"/> replaces the 404's text).</summary>
    public async Task<(ClinicDay? Day, ValidationProblem? Invalid, ProblemHttpResult? Missing)> ResolveAsync(string? notFound = null)
    {
        if (Date is { } asked && !DateWindow.Contains(asked, Time.GetUtcNow()))
        {
            return (null, Problems.Invalid(new Dictionary<string, string[]> { ["date"] = [DateWindow.Message("date")] }), null);
        }

        if (await Grains.GetGrain<IClinicGrain>(ClinicId).GetConfig() is not { } config)
        {
            return (null, null, Problems.NotFound(notFound ?? $"No clinic '{ClinicId}'."));
        }

        return (new ClinicDay(ClinicId, config, Date ?? config.LocalDate(Time.GetUtcNow()), Grains), null, null);
    }

    /// <summary>Answers with what <paramref name="read"/> finds in the day, or with the preamble's problem.</summary>
    public async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ReadAsync<T>(Func<ClinicDay, Task<T>> read)
    {
        var (day, invalid, missing) = await ResolveAsync();
        if (invalid is not null)
        {
            return invalid;
        }

        return day is null ? missing! : TypedResults.Ok(await read(day));
    }
}
