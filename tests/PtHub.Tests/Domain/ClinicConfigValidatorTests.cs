using PtHub.Grains.Clinics;
using PtHub.Grains.Contracts;

namespace PtHub.Tests.Domain;

public sealed class ClinicConfigValidatorTests
{
    private static readonly ClinicConfig Valid = new(
        "Riverside PT",
        "America/Chicago",
        [
            new(DayOfWeek.Monday, new TimeOnly(7, 0), new TimeOnly(19, 0)),
            new(DayOfWeek.Tuesday, new TimeOnly(7, 0), new TimeOnly(19, 0)),
        ],
        [new("gym", "Main gym", TreatmentSpaceKind.Gym, 6), new("room-2", "Private 2", TreatmentSpaceKind.Private, 1)],
        [new("pt-1", "Dr. Alvarez", 2), new("pt-2", "Sam Lee")],
        new AlertThresholds(),
        LobbyNamingMode.FirstNameLastInitial,
        ClinicConfig.DefaultVisitTypes);

    [Fact]
    public void ValidConfigurationHasNoErrors()
    {
        Assert.Empty(ClinicConfigValidator.Validate(Valid));
    }

    [Fact]
    public void ConfigurationAtEveryLimitIsValid()
    {
        var config = Valid with
        {
            Name = new string('n', 200),
            TimeZoneId = "UTC",
            Rooms = [new("a", "A", TreatmentSpaceKind.Private, 1), new("b", "B", TreatmentSpaceKind.Gym, 100)],
            Therapists = [new("t1", "One", 1), new("t2", "Two", 10)],
            Alerts = new AlertThresholds(1, 1, 1),
            VisitTypes = [new("short", "Short", 5), new("long", "Long", 480)],
        };

        Assert.Empty(ClinicConfigValidator.Validate(config));
    }

    [Fact]
    public void MissingListsAreTreatedAsEmpty()
    {
        var config = Valid with { OpeningHours = null!, Rooms = null!, Therapists = null!, VisitTypes = null! };

        Assert.Empty(ClinicConfigValidator.Validate(config));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void NameIsRequired(string? name)
    {
        AssertOnlyError(Valid with { Name = name! }, "name");
    }

    [Fact]
    public void NameLongerThan200CharactersIsRefused()
    {
        AssertOnlyError(Valid with { Name = new string('n', 201) }, "name");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownTimeZoneIsRefused(string? timeZoneId)
    {
        AssertOnlyError(Valid with { TimeZoneId = timeZoneId! }, "timeZoneId");
    }

    [Fact]
    public void DayListedTwiceIsRefused()
    {
        var config = Valid with
        {
            OpeningHours = [.. Valid.OpeningHours, new(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0))],
        };

        var message = AssertOnlyError(config, "openingHours");
        Assert.Contains("Monday", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19, 7)]
    [InlineData(9, 9)]
    public void ClosingNoLaterThanOpeningIsRefused(int opens, int closes)
    {
        var config = Valid with { OpeningHours = [new(DayOfWeek.Friday, new TimeOnly(opens, 0), new TimeOnly(closes, 0))] };

        var message = AssertOnlyError(config, "openingHours");
        Assert.Contains("Friday", message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoomWithAnInvalidIdIsRefused()
    {
        AssertOnlyError(Valid with { Rooms = [new("main gym", "Main gym", TreatmentSpaceKind.Gym, 6)] }, "rooms");
    }

    [Fact]
    public void RoomIdUsedTwiceIsRefused()
    {
        var config = Valid with
        {
            Rooms = [new("gym", "Main gym", TreatmentSpaceKind.Gym, 6), new("gym", "Other gym", TreatmentSpaceKind.Gym, 4)],
        };

        var message = AssertOnlyError(config, "rooms");
        Assert.Contains("more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoomWithoutANameIsRefused()
    {
        AssertOnlyError(Valid with { Rooms = [new("gym", " ", TreatmentSpaceKind.Gym, 6)] }, "rooms");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void RoomCapacityOutsideOneToHundredIsRefused(int capacity)
    {
        var message = AssertOnlyError(Valid with { Rooms = [new("gym", "Main gym", TreatmentSpaceKind.Gym, capacity)] }, "rooms");
        Assert.Contains($"was {capacity}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TherapistWithAnInvalidIdIsRefused()
    {
        AssertOnlyError(Valid with { Therapists = [new("pt/1", "Dr. Alvarez")] }, "therapists");
    }

    [Fact]
    public void TherapistIdUsedTwiceIsRefused()
    {
        AssertOnlyError(Valid with { Therapists = [new("pt-1", "Dr. Alvarez"), new("pt-1", "Sam Lee")] }, "therapists");
    }

    [Fact]
    public void TherapistWithoutADisplayNameIsRefused()
    {
        AssertOnlyError(Valid with { Therapists = [new("pt-1", "")] }, "therapists");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void TherapistConcurrencyOutsideOneToTenIsRefused(int max)
    {
        var message = AssertOnlyError(Valid with { Therapists = [new("pt-1", "Dr. Alvarez", max)] }, "therapists");
        Assert.Contains($"was {max}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAlertThresholdsAreRefused()
    {
        AssertOnlyError(Valid with { Alerts = null! }, "alerts");
    }

    [Theory]
    [InlineData(0, 15, 15)]
    [InlineData(10, 0, 15)]
    [InlineData(10, 15, 0)]
    [InlineData(-5, 15, 15)]
    public void AlertThresholdBelowOneMinuteIsRefused(int waiting, int roomed, int overrun)
    {
        AssertOnlyError(Valid with { Alerts = new AlertThresholds(waiting, roomed, overrun) }, "alerts");
    }

    [Fact]
    public void UndefinedLobbyNamingIsRefused()
    {
        AssertOnlyError(Valid with { LobbyNaming = (LobbyNamingMode)42 }, "lobbyNaming");
    }

    [Fact]
    public void VisitTypeWithAnInvalidCodeIsRefused()
    {
        AssertOnlyError(Valid with { VisitTypes = [new("follow up", "Follow-up", 45)] }, "visitTypes");
    }

    [Fact]
    public void VisitTypeCodeUsedTwiceIsRefused()
    {
        AssertOnlyError(Valid with { VisitTypes = [new("follow-up", "Follow-up", 45), new("follow-up", "Again", 30)] }, "visitTypes");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(481)]
    public void VisitTypeLengthOutsideFiveToFourHundredEightyMinutesIsRefused(int minutes)
    {
        var message = AssertOnlyError(Valid with { VisitTypes = [new("follow-up", "Follow-up", minutes)] }, "visitTypes");
        Assert.Contains($"was {minutes}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsOfOneFieldAreAllReported()
    {
        var config = Valid with { Rooms = [new("bad id", "", TreatmentSpaceKind.Gym, 0)] };

        var errors = ClinicConfigValidator.Validate(config);

        Assert.Equal(["rooms"], errors.Keys);
        Assert.Equal(3, errors["rooms"].Length);
    }

    [Fact]
    public void ErrorsOfSeveralFieldsAreReportedUnderEachField()
    {
        var config = Valid with { Name = "", TimeZoneId = "Nowhere/Special", Alerts = new AlertThresholds(0) };

        var errors = ClinicConfigValidator.Validate(config);

        Assert.Equal(["alerts", "name", "timeZoneId"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("gym")]
    [InlineData("a")]
    [InlineData("Room_2.east-wing")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void ShortTokensAreValidIds(string id)
    {
        Assert.True(ClinicConfigValidator.IsValidId(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("main gym")]
    [InlineData("a/b")]
    [InlineData("a?b")]
    [InlineData("zimmer-ü")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void IdsWithOtherCharactersOrTooLongAreInvalid(string? id)
    {
        Assert.False(ClinicConfigValidator.IsValidId(id));
    }

    private static string AssertOnlyError(ClinicConfig config, string field)
    {
        var errors = ClinicConfigValidator.Validate(config);

        var (key, messages) = Assert.Single(errors);
        Assert.Equal(field, key);
        var message = Assert.Single(messages);
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }
}
