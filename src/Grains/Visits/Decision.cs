using PtHub.Grains.Contracts;

namespace PtHub.Grains.Visits;

/// <summary>The state machine's answer: a transition to apply, or a refusal.</summary>
public sealed record Decision(VisitTransition? Transition, Refusal? Refusal)
{
    public static Decision Accept(VisitTransition transition) => new(transition, null);

    public static Decision Refuse(Refusal refusal) => new(null, refusal);
}
