namespace PtHub.Grains.Contracts;

/// <summary>A clinic's equipment and its service records (key: clinic id).</summary>
[Alias("PtHub.IClinicEquipmentGrain")]
public interface IClinicEquipmentGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<EquipmentItem> Add(EquipmentSpec spec);

    [Alias("Update")]
    Task<EquipmentChange> Update(string itemId, EquipmentSpec spec);

    /// <summary>Records a service; a service dated after the last one moves the last and next service.</summary>
    [Alias("RecordService")]
    Task<EquipmentChange> RecordService(string itemId, DateOnly date, string by, string? note, string recordedBy);

    /// <summary>
    /// Out of service, optionally taking the item's treatment space out too (through the clinic's configuration, as
    /// the setup screen does); back in service brings back a space it took out, unless other equipment still holds it.
    /// </summary>
    [Alias("SetStatus")]
    Task<EquipmentChange> SetStatus(string itemId, EquipmentStatus status, bool takeSpaceOutOfService);

    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<EquipmentItem>> List();
}
