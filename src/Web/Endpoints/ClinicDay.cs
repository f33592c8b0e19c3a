using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>One clinic-day a request is about: the clinic's configuration and the date in the clinic's time zone.</summary>
internal sealed record ClinicDay(string ClinicId, ClinicConfig Config, DateOnly Date, IGrainFactory Grains)
{
    /// <summary>The day's read side: board, lobby, manager and schedule views.</summary>
    public IClinicDayLiveGrain Live => Grains.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(ClinicId, Date));
}
