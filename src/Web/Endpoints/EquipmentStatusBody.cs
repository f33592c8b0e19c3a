using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>In or out of service; out of service may take the item's treatment space out too.</summary>
public sealed record EquipmentStatusBody(EquipmentStatus? Status, bool? TakeSpaceOutOfService);
