using System.Text.Json;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Domain;

public sealed class FhirCodeTests
{
    /// <summary>FHIR R4 value set http://hl7.org/fhir/appointmentstatus.</summary>
    private static readonly HashSet<string> AppointmentStatuses =
        ["proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error", "checked-in", "waitlist"];

    /// <summary>FHIR R4 value set http://hl7.org/fhir/encounter-status.</summary>
    private static readonly HashSet<string> EncounterStatuses =
        ["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"];

    public static TheoryData<VisitStatus> AllStatuses { get; } = new(Enum.GetValues<VisitStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void EveryStatusMapsToAFhirAppointmentStatus(VisitStatus status)
    {
        Assert.Contains(status.FhirAppointmentStatus(), AppointmentStatuses);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void EveryStatusMapsToAFhirEncounterStatus(VisitStatus status)
    {
        Assert.Contains(status.FhirEncounterStatus(), EncounterStatuses);
    }

    [Theory]
    [InlineData(VisitStatus.Booked, "booked")]
    [InlineData(VisitStatus.Arrived, "arrived")]
    [InlineData(VisitStatus.CheckedIn, "checked-in")]
    [InlineData(VisitStatus.CheckedOut, "fulfilled")]
    [InlineData(VisitStatus.Cancelled, "cancelled")]
    [InlineData(VisitStatus.NoShow, "noshow")]
    [InlineData(VisitStatus.EnteredInError, "entered-in-error")]
    public void AppointmentStatusUsesTheFhirCode(VisitStatus status, string code)
    {
        Assert.Equal(code, status.FhirAppointmentStatus());
    }

    [Theory]
    [InlineData(VisitStatus.Booked, "planned")]
    [InlineData(VisitStatus.Arrived, "arrived")]
    [InlineData(VisitStatus.InTreatment, "in-progress")]
    [InlineData(VisitStatus.Finished, "finished")]
    [InlineData(VisitStatus.CheckedOut, "finished")]
    [InlineData(VisitStatus.Cancelled, "cancelled")]
    [InlineData(VisitStatus.EnteredInError, "entered-in-error")]
    public void EncounterStatusUsesTheFhirCode(VisitStatus status, string code)
    {
        Assert.Equal(code, status.FhirEncounterStatus());
    }

    [Fact]
    public void UndefinedStatusHasNoFhirCode()
    {
        var undefined = (VisitStatus)99;

        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.FhirAppointmentStatus());
        Assert.Throws<ArgumentOutOfRangeException>(() => undefined.FhirEncounterStatus());
    }

    [Theory]
    [InlineData(VisitStatus.Booked, "booked")]
    [InlineData(VisitStatus.Arrived, "arrived")]
    [InlineData(VisitStatus.CheckedIn, "checked-in")]
    [InlineData(VisitStatus.InTreatment, "in-treatment")]
    [InlineData(VisitStatus.Finished, "finished")]
    [InlineData(VisitStatus.CheckedOut, "checked-out")]
    [InlineData(VisitStatus.Cancelled, "cancelled")]
    [InlineData(VisitStatus.NoShow, "noshow")]
    [InlineData(VisitStatus.LeftWithoutBeingSeen, "left-without-being-seen")]
    [InlineData(VisitStatus.EnteredInError, "entered-in-error")]
    public void StatusCodeIsItsJsonName(VisitStatus status, string code)
    {
        Assert.Equal(code, status.ToCode());
        Assert.Equal($"\"{code}\"", JsonSerializer.Serialize(status));
    }

    [Theory]
    [InlineData(VisitAction.Book, "book")]
    [InlineData(VisitAction.Arrive, "arrive")]
    [InlineData(VisitAction.CheckIn, "check-in")]
    [InlineData(VisitAction.Assign, "assign")]
    [InlineData(VisitAction.StartTreatment, "start")]
    [InlineData(VisitAction.Finish, "finish")]
    [InlineData(VisitAction.CheckOut, "check-out")]
    [InlineData(VisitAction.Cancel, "cancel")]
    [InlineData(VisitAction.NoShow, "no-show")]
    [InlineData(VisitAction.LeftWithoutBeingSeen, "left-without-being-seen")]
    [InlineData(VisitAction.EnteredInError, "entered-in-error")]
    public void ActionCodeIsItsJsonName(VisitAction action, string code)
    {
        Assert.Equal(code, action.ToCode());
        Assert.Equal($"\"{code}\"", JsonSerializer.Serialize(action));
    }

    [Fact]
    public void EveryStatusAndActionHasADistinctCode()
    {
        var statuses = Enum.GetValues<VisitStatus>().Select(s => s.ToCode()).ToList();
        var actions = Enum.GetValues<VisitAction>().Select(a => a.ToCode()).ToList();

        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.All(statuses.Concat(actions), code => Assert.Matches("^[a-z]+(-[a-z]+)*$", code));
    }

    [Fact]
    public void OtherEnumsUseTheirJsonNames()
    {
        Assert.Equal("ticket", LobbyNamingMode.TicketNumber.ToCode());
        Assert.Equal("first-name-last-initial", LobbyNamingMode.FirstNameLastInitial.ToCode());
        Assert.Equal("gym", TreatmentSpaceKind.Gym.ToCode());
    }

    [Fact]
    public void EnumWithoutJsonNamesFallsBackToItsMemberName()
    {
        Assert.Equal("Conflict", RefusalKind.Conflict.ToCode());
        Assert.Equal("Monday", DayOfWeek.Monday.ToCode());
    }
}
