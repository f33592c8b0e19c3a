using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Domain;

public sealed class WaitEstimatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static VisitSnapshot Visit(string id, VisitStatus status, int scheduledInMinutes, int minutes = 45, DateTimeOffset? started = null,
        DateTimeOffset? finished = null, string type = "follow-up") =>
        new(id, "c", "p-" + id, DateOnly.FromDateTime(Now.UtcDateTime), type, Now.AddMinutes(scheduledInMinutes), minutes, status, Now, "ann", null,
            Now.AddMinutes(-5), started, finished, null, false, false, null, 1, null, []);

    [Fact]
    public void WaitingPatientsQueueBehindTheCurrentSessionOverTheOverlapSlots()
    {
        var visits = new[]
        {
            Visit("treating", VisitStatus.InTreatment, -15, started: Now.AddMinutes(-15)),
            Visit("first", VisitStatus.CheckedIn, -5),
            Visit("second", VisitStatus.Arrived, 0),
        };

        var (oneAtATime, _) = WaitEstimator.Estimate(visits, 1, Now);
        var (twoAtATime, _) = WaitEstimator.Estimate(visits, 2, Now);

        Assert.Equal(30, oneAtATime["first"]);
        Assert.Equal(75, oneAtATime["second"]);
        Assert.Equal(0, twoAtATime["first"]);
        Assert.Equal(30, twoAtATime["second"]);
    }

    [Fact]
    public void NobodyIsExpectedBeforeTheirAppointmentUnlessTodaysPatientsAreStartedEarly()
    {
        var early = Visit("early", VisitStatus.Arrived, 20);

        Assert.Equal(20, WaitEstimator.Estimate([early], 1, Now).Waits["early"]);
        var pace = DayPace.From([Visit("done", VisitStatus.CheckedOut, -60, started: Now.AddMinutes(-66), finished: Now.AddMinutes(-21))]);
        Assert.Equal(6, pace.EarlyStartMinutes);
        Assert.Equal(14, WaitEstimator.Estimate([early], 1, Now, pace: pace).Waits["early"]);
        Assert.Equal(34, WaitEstimator.Estimate([early], 1, Now, runningLateMinutes: 20, pace: pace).Waits["early"]);
    }

    [Fact]
    public void SessionsTakeTodaysPaceOfTheirVisitType()
    {
        // Three follow-ups today took 60 minutes for 45 booked: with the prior of three booked-length sessions the pace is 52.5/45.
        var done = Enumerable.Range(0, 3).Select(i => Visit($"d{i}", VisitStatus.CheckedOut, -300, started: Now.AddMinutes(-300 + 60 * i),
            finished: Now.AddMinutes(-240 + 60 * i))).ToList();
        var pace = DayPace.From(done);
        var treating = Visit("treating", VisitStatus.InTreatment, -30, started: Now.AddMinutes(-30));
        var waiting = Visit("waiting", VisitStatus.CheckedIn, -30);

        Assert.Equal(52.5, pace.Minutes(treating), 3);
        Assert.Equal(15, WaitEstimator.Estimate([treating, waiting], 1, Now).Waits["waiting"]);
        Assert.Equal(23, WaitEstimator.Estimate([treating, waiting], 1, Now, pace: pace).Waits["waiting"]);
    }

    [Fact]
    public void ASessionJustPastItsTimeIsGivenAFewMinutesMoreNotZero()
    {
        var overdue = Visit("overdue", VisitStatus.InTreatment, -47, started: Now.AddMinutes(-47));
        var waiting = Visit("waiting", VisitStatus.CheckedIn, -10);

        Assert.Equal(5, WaitEstimator.Estimate([overdue, waiting], 1, Now).Waits["waiting"]);
    }

    [Theory]
    [InlineData(50, 5)]
    [InlineData(60, 15)]
    [InlineData(75, 30)]
    [InlineData(105, 60)]
    public void TheWaitBehindAnOverrunningSessionGrowsWithTheOverrunInsteadOfStandingStill(int startedMinutesAgo, int expected)
    {
        // A 45-minute session started this long ago has overrun by (started − 45) minutes and is expected to need as long again.
        var overdue = Visit("overdue", VisitStatus.InTreatment, -startedMinutesAgo, started: Now.AddMinutes(-startedMinutesAgo));
        var waiting = Visit("waiting", VisitStatus.CheckedIn, -10);

        Assert.Equal(expected, WaitEstimator.Estimate([overdue, waiting], 1, Now).Waits["waiting"]);
    }
}
