using System.Text.Json.Serialization;

namespace PtHub.Simulator;

/// <summary>One arrived-and-treated visit: the wait PtHub quoted at arrival, the two baselines, and the real wait.</summary>
internal sealed record WaitSample(
    string Clinic, string VisitId, string TherapistId, string VisitType, bool WalkIn, int Lateness, double Actual, double? Quoted, double Scheduled, double Average, double Candidate);

/// <summary>Mean absolute errors of the three estimates over a set of samples.</summary>
internal sealed record AccuracyRow(
    string Clinic,
    int Therapists,
    int Booked,
    int Cancelled,
    int NoShows,
    int WalkIns,
    int Visits,
    int NotQuoted,
    double MeanActualWait,
    double MaePtHub,
    double MaeScheduled,
    double MaeAverage,
    double BiasPtHub,
    double MaeCandidate)
{
    [JsonIgnore]
    public double RatioScheduled => MaeScheduled == 0 ? double.NaN : MaePtHub / MaeScheduled;

    [JsonIgnore]
    public double RatioAverage => MaeAverage == 0 ? double.NaN : MaePtHub / MaeAverage;

    public double PtHubOverScheduled => Math.Round(RatioScheduled, 3);

    public double PtHubOverAverage => Math.Round(RatioAverage, 3);

    public static AccuracyRow From(string clinic, int therapists, int booked, int cancelled, int noShows, int walkIns, IReadOnlyList<WaitSample> samples)
    {
        // A visit PtHub gave no quote for counts as quoted 0 (the lobby showed no wait).
        double Mae(Func<WaitSample, double> estimate) => samples.Count == 0 ? 0 : Math.Round(samples.Average(s => Math.Abs(estimate(s) - s.Actual)), 2);
        return new AccuracyRow(clinic, therapists, booked, cancelled, noShows, walkIns, samples.Count, samples.Count(s => s.Quoted is null),
            samples.Count == 0 ? 0 : Math.Round(samples.Average(s => s.Actual), 2),
            Mae(s => s.Quoted ?? 0), Mae(s => s.Scheduled), Mae(s => s.Average),
            samples.Count == 0 ? 0 : Math.Round(samples.Average(s => (s.Quoted ?? 0) - s.Actual), 2), Mae(s => s.Candidate));
    }
}
