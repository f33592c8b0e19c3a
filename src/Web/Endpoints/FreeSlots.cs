namespace PtHub.Web.Endpoints;

/// <summary>Free starts for a visit type, in time order, each with a therapist who could take it.</summary>
public sealed record FreeSlots(string VisitType, int DurationMinutes, IReadOnlyList<FreeSlot> Slots);
