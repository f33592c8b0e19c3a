using PtHub.Grains.Contracts;

namespace PtHub.Grains.Waitlist;

/// <summary>What the desk and the board see of an opening's offers, from the offer grain's state. Pure.</summary>
internal static class OfferViews
{
    public static OfferSummary? Summary(WaitlistOfferState s) => s.Opening is not { } opening ? null
        : new(opening.OpeningId, s.State, s.Recipients.Count, s.Waves, NextWave(s, opening), OfferWaves.StopAt(opening, s.Settings),
            s.AcceptedEntryId is null ? null : s.Recipients.FirstOrDefault(r => r.EntryId == s.AcceptedEntryId)?.PatientId, s.AcceptedBy, s.AcceptedVisitId);

    public static OfferView? View(string clinicId, WaitlistOfferState s) => s.Opening is not { } opening ? null
        : new(clinicId, opening, s.State, s.Run, s.StartedAt, s.StartedBy, s.Settings.WaveSize, s.Settings.WaveWait, OfferWaves.StopAt(opening, s.Settings),
            NextWave(s, opening), [.. s.Recipients], s.AcceptedVisitId, s.StoppedBy);

    /// <summary>When the next wave goes out; null when none will (the offers ended, or the next would fall past the stop).</summary>
    private static DateTimeOffset? NextWave(WaitlistOfferState s, Opening opening) =>
        s.State == OfferState.Offering && s.NextWaveAt < OfferWaves.StopAt(opening, s.Settings) ? s.NextWaveAt : null;
}
