using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;

namespace PtHub.Tests.Domain;

/// <summary>
/// Every (status, action) pair of the visit lifecycle in DOMAIN.md, written out: the next status when legal,
/// the refusal kind when not. Commands carry what the action needs (a room and another therapist for assign,
/// a room for start, a reason for cancel), and are given an hour after the scheduled start
/// (too late for any undo: <see cref="VisitUndoTests"/> takes steps back within the window).
/// </summary>
public sealed class VisitTransitionTableTests
{
    private static readonly DateTimeOffset Now = VisitBuilder.Start.AddHours(1);

    public static TheoryData<VisitStatus, VisitAction, VisitStatus?, RefusalKind?> Table { get; } = new()
    {
        { VisitStatus.Booked, VisitAction.Arrive, VisitStatus.Arrived, null },
        { VisitStatus.Booked, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.Cancel, VisitStatus.Cancelled, null },
        { VisitStatus.Booked, VisitAction.NoShow, VisitStatus.NoShow, null },
        { VisitStatus.Booked, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.Booked, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.CollectCopay, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.Reschedule, VisitStatus.Booked, null },
        { VisitStatus.Booked, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.Booked, VisitAction.Confirm, VisitStatus.Booked, null },

        { VisitStatus.Arrived, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.CheckIn, VisitStatus.CheckedIn, null },
        { VisitStatus.Arrived, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.LeftWithoutBeingSeen, VisitStatus.LeftWithoutBeingSeen, null },
        { VisitStatus.Arrived, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.Arrived, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.CollectCopay, VisitStatus.Arrived, null },
        { VisitStatus.Arrived, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.Arrived, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.CheckedIn, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.Assign, VisitStatus.CheckedIn, null },
        { VisitStatus.CheckedIn, VisitAction.StartTreatment, VisitStatus.InTreatment, null },
        { VisitStatus.CheckedIn, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.LeftWithoutBeingSeen, VisitStatus.LeftWithoutBeingSeen, null },
        { VisitStatus.CheckedIn, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.CheckedIn, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.CollectCopay, VisitStatus.CheckedIn, null },
        { VisitStatus.CheckedIn, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.CheckedIn, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.InTreatment, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.Assign, VisitStatus.InTreatment, null },
        { VisitStatus.InTreatment, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.Finish, VisitStatus.Finished, null },
        { VisitStatus.InTreatment, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.InTreatment, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.CollectCopay, VisitStatus.InTreatment, null },
        { VisitStatus.InTreatment, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.InTreatment, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.Finished, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.CheckOut, VisitStatus.CheckedOut, null },
        { VisitStatus.Finished, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.Finished, VisitAction.RecordServices, VisitStatus.Finished, null },
        { VisitStatus.Finished, VisitAction.CollectCopay, VisitStatus.Finished, null },
        { VisitStatus.Finished, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.Finished, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.CheckedOut, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.CheckedOut, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.CollectCopay, VisitStatus.CheckedOut, null },
        { VisitStatus.CheckedOut, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.CheckedOut, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.Cancelled, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.Cancelled, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.CollectCopay, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.Cancelled, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.NoShow, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.NoShow, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.CollectCopay, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.NoShow, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.EnteredInError, VisitStatus.EnteredInError, null },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.CollectCopay, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.LeftWithoutBeingSeen, VisitAction.Confirm, null, RefusalKind.Conflict },

        { VisitStatus.EnteredInError, VisitAction.Arrive, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.CheckIn, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Assign, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.StartTreatment, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Finish, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.CheckOut, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Cancel, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.NoShow, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.LeftWithoutBeingSeen, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.EnteredInError, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.RecordServices, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.CollectCopay, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Reschedule, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Undo, null, RefusalKind.Conflict },
        { VisitStatus.EnteredInError, VisitAction.Confirm, null, RefusalKind.Conflict },
    };

    public static TheoryData<VisitStatus> AllStatuses { get; } = new(Enum.GetValues<VisitStatus>());

    [Fact]
    public void TableCoversEveryStatusAndActionExactlyOnce()
    {
        var rows = Table.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        var expected = Enum.GetValues<VisitStatus>()
            .SelectMany(_ => Enum.GetValues<VisitAction>().Where(a => a != VisitAction.Book), (s, a) => (s, a))
            .ToHashSet();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.True(expected.SetEquals(rows),
            $"Missing: {string.Join(", ", expected.Except(rows))}; unexpected: {string.Join(", ", rows.Except(expected))}");
    }

    [Fact]
    public void EachTableRowEitherAcceptsOrRefuses()
    {
        Assert.All(Table, row => Assert.True(row.Data.Item3 is null ^ row.Data.Item4 is null,
            $"{row.Data.Item1} × {row.Data.Item2} must name exactly one outcome."));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void DecisionFollowsTheLifecycleTable(VisitStatus from, VisitAction action, VisitStatus? acceptedAs, RefusalKind? refusedAs)
    {
        var state = VisitBuilder.In(from);
        Assert.Equal(from, state.Status);
        var eventsBefore = state.Events.Count;

        var decision = VisitLifecycle.Decide(state, CommandFor(action), Now, VisitLifecycle.DefaultLateCancelWindow);

        Assert.Equal(from, state.Status);
        Assert.Equal(eventsBefore, state.Events.Count);
        if (acceptedAs is { } to)
        {
            Assert.Null(decision.Refusal);
            var transition = Assert.IsType<VisitTransition>(decision.Transition);
            Assert.Equal(action, transition.Action);
            Assert.Equal(to, transition.To);

            var evt = VisitLifecycle.Apply(state, transition, VisitBuilder.Desk, Guid.NewGuid(), Now);
            Assert.Equal(to, state.Status);
            Assert.Equal(from, evt.From);
            Assert.Equal(to, evt.To);
            Assert.Equal(action, evt.Action);
        }
        else
        {
            Assert.Null(decision.Transition);
            var refusal = Assert.IsType<Refusal>(decision.Refusal);
            Assert.Equal(refusedAs, refusal.Kind);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void BookRefusedForAVisitThatAlreadyExists(VisitStatus status)
    {
        var decision = VisitLifecycle.Decide(VisitBuilder.In(status), new VisitCommand(VisitAction.Book, VisitBuilder.Desk), Now,
            VisitLifecycle.DefaultLateCancelWindow);

        Assert.Null(decision.Transition);
        Assert.Equal(RefusalKind.Conflict, decision.Refusal?.Kind);
        Assert.False(string.IsNullOrWhiteSpace(decision.Refusal?.Message));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void EveryStatusHasAPathInTheBuilder(VisitStatus status)
    {
        var state = VisitBuilder.In(status);

        Assert.True(state.Exists);
        Assert.Equal(status, state.Status);
        Assert.Equal(status, state.Events[^1].To);
    }

    private static VisitCommand CommandFor(VisitAction action) => action switch
    {
        VisitAction.Assign => new(action, VisitBuilder.Desk, Guid.NewGuid(), RoomId: VisitBuilder.PrivateRoom, TherapistId: VisitBuilder.OtherTherapist),
        VisitAction.StartTreatment => new(action, VisitBuilder.Desk, Guid.NewGuid(), RoomId: VisitBuilder.Gym),
        VisitAction.Cancel => new(action, VisitBuilder.Desk, Guid.NewGuid(), Reason: "Patient called in sick"),
        VisitAction.LeftWithoutBeingSeen => new(action, VisitBuilder.Desk, Guid.NewGuid(), Reason: "Could not wait"),
        VisitAction.EnteredInError => new(action, VisitBuilder.Desk, Guid.NewGuid(), Reason: "Booked twice"),
        VisitAction.RecordServices => new(action, VisitBuilder.Desk, Guid.NewGuid(), Services: [new ServiceMinutes("97110", 33)]),
        VisitAction.CollectCopay => new(action, VisitBuilder.Desk, Guid.NewGuid(), Copay: new CopayPayment(20m, PaymentMethod.Card, "", default)),
        VisitAction.Reschedule => new(action, VisitBuilder.Desk, Guid.NewGuid(), NewStart: VisitBuilder.Start.AddHours(2), NewDate: DateOnly.FromDateTime(VisitBuilder.Start.UtcDateTime)),
        _ => new(action, VisitBuilder.Desk, Guid.NewGuid()),
    };
}
