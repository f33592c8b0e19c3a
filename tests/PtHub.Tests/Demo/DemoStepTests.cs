using PtHub.Grains.Contracts;
using PtHub.Web.Demo;

namespace PtHub.Tests.Demo;

/// <summary>The demo desk's rules for one visit.</summary>
public sealed class DemoStepTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private static BoardRow Row(string visitId, VisitStatus status, DateTimeOffset since, string type = "follow-up") =>
        new(visitId, Start, 45, type, "p", "Doe, Jane", "dana", "Dana", null, null, status, since, null, false, ValueList<BoardAlert>.Empty, null, null);

    /// <summary>Visit ids whose trait is at least 6 (they come) and below 6 (they never do).</summary>
    private static string Comer => Enumerable.Range(0, 1000).Select(i => $"v{i}").First(id => DemoStep.Trait(id) >= 6);

    private static string NeverComes => Enumerable.Range(0, 1000).Select(i => $"v{i}").First(id => DemoStep.Trait(id) < 6);

    [Fact]
    public void APatientArrivesBetweenTwelveMinutesEarlyAndSixLate()
    {
        var row = Row(Comer, VisitStatus.Booked, Start.AddDays(-3));

        Assert.Null(DemoStep.Next(row, Start.AddMinutes(-13)));
        Assert.Equal((VisitAction.Arrive, (string?)null), DemoStep.Next(row, Start.AddMinutes(7)));
    }

    [Fact]
    public void SomePatientsNeverCome()
    {
        Assert.Null(DemoStep.Next(Row(NeverComes, VisitStatus.Booked, Start.AddDays(-3)), Start.AddHours(3)));
    }

    [Fact]
    public void TheDayGoesCheckInTreatmentFinishCheckOut()
    {
        var id = Comer;
        Assert.Equal(VisitAction.CheckIn, DemoStep.Next(Row(id, VisitStatus.Arrived, Start.AddMinutes(-10)), Start)?.Action);
        Assert.Equal(VisitAction.StartTreatment, DemoStep.Next(Row(id, VisitStatus.CheckedIn, Start.AddMinutes(-3)), Start)?.Action);
        Assert.Null(DemoStep.Next(Row(id, VisitStatus.InTreatment, Start), Start.AddMinutes(30)));
        Assert.Equal(VisitAction.Finish, DemoStep.Next(Row(id, VisitStatus.InTreatment, Start), Start.AddMinutes(51))?.Action);
        Assert.Equal(VisitAction.CheckOut, DemoStep.Next(Row(id, VisitStatus.Finished, Start), Start.AddMinutes(2))?.Action);
        Assert.Null(DemoStep.Next(Row(id, VisitStatus.CheckedOut, Start), Start.AddHours(5)));
    }

    [Fact]
    public void AnEvaluationGoesToAPrivateRoomAndAFollowUpToTheGym()
    {
        var evaluation = DemoStep.Next(Row(Comer, VisitStatus.CheckedIn, Start.AddMinutes(-3), "initial-evaluation"), Start);
        var followUp = DemoStep.Next(Row(Comer, VisitStatus.CheckedIn, Start.AddMinutes(-3)), Start);

        Assert.StartsWith("room-", evaluation?.RoomId, StringComparison.Ordinal);
        Assert.Equal("gym", followUp?.RoomId);
    }

    [Fact]
    public void AVisitsTraitIsTheSameEveryRun()
    {
        Assert.Equal(DemoStep.Trait("0f8c2b9d"), DemoStep.Trait("0f8c2b9d"));
        Assert.InRange(DemoStep.Trait("0f8c2b9d"), 0, 99);
        Assert.True(Enumerable.Range(0, 500).Select(i => DemoStep.Trait($"visit-{i}")).Distinct().Count() > 90);
    }
}
