namespace PtHub.Grains.Contracts;

/// <summary>
/// One clinic's day (key "clinic|yyyy-MM-dd"): the index of its visits (persisted) and the live projection
/// of the board, rebuilt from the visits on activation.
/// </summary>
[Alias("PtHub.IClinicDayGrain")]
public interface IClinicDayGrain : IGrainWithStringKey
{
    [Alias("Book")]
    Task<VisitResult> Book(BookVisitRequest request);

    [Alias("GetBoard")]
    Task<BoardView> GetBoard();

    /// <summary>Each accepted visit command reports here. Interleaves, so booking a walk-in can arrive it at once.</summary>
    [Alias("OnVisitChanged"), AlwaysInterleave]
    Task OnVisitChanged(VisitSnapshot visit);

    [Alias("OnConfigurationChanged"), OneWay]
    Task OnConfigurationChanged(ClinicConfig config);
}
