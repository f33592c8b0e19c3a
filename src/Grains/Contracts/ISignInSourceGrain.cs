namespace PtHub.Grains.Contracts;

/// <summary>
/// The failed sign-ins from one client address across all accounts (key: the address): the per-address budget, so a
/// guesser spreading over many accounts is stopped at its own address, and nobody else's.
/// </summary>
[Alias("PtHub.ISignInSourceGrain")]
public interface ISignInSourceGrain : IGrainWithStringKey
{
    /// <summary>How many failures from this address fell within the last <paramref name="window"/>.</summary>
    [Alias("FailuresWithin"), AlwaysInterleave]
    Task<int> FailuresWithin(TimeSpan window);

    [Alias("RecordFailure")]
    Task RecordFailure();
}
