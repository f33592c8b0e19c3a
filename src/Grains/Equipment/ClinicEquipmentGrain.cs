using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Equipment;

/// <summary>
/// A clinic's equipment. Taking an item's treatment space out of service goes through <see cref="IClinicGrain.Configure"/>,
/// the path the setup screen uses, so the schedule, the board and the manager's view follow it like any other change.
/// </summary>
internal sealed class ClinicEquipmentGrain(
    [PersistentState("equipment", StorageNames.State)] IPersistentState<EquipmentState> equipment,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicEquipmentGrain
{
    private List<EquipmentItem> Items => equipment.State.Items;

    private string ClinicId => this.GetPrimaryKeyString();

    public async Task<EquipmentItem> Add(EquipmentSpec spec)
    {
        var item = new EquipmentItem(Guid.NewGuid().ToString("N")[..12], spec.Type, spec.Serial, spec.Location, spec.RoomId, spec.IntervalMonths,
            spec.LastService, EquipmentStatus.InService, ValueList<ServiceRecord>.Empty);
        Items.Add(item);
        await equipment.WriteOrDropAsync(this);
        return item;
    }

    public Task<EquipmentChange> Update(string itemId, EquipmentSpec spec) =>
        Change(itemId, item => item with
        {
            Type = spec.Type, Serial = spec.Serial, Location = spec.Location, RoomId = spec.RoomId, IntervalMonths = spec.IntervalMonths,
            LastService = spec.LastService,
        });

    public Task<EquipmentChange> RecordService(string itemId, DateOnly date, string by, string? note, string recordedBy) =>
        Change(itemId, item => item with
        {
            Services = item.Services.Append(new ServiceRecord(date, by, note, recordedBy, time.GetUtcNow())).OrderBy(s => s.Date).ToValueList(),
            LastService = item.LastService is { } last && last > date ? last : date,
        });

    public async Task<EquipmentChange> SetStatus(string itemId, EquipmentStatus status, bool takeSpaceOutOfService)
    {
        if (Items.FirstOrDefault(i => i.ItemId == itemId) is not { } item)
        {
            return new EquipmentChange(null, Refusal.NotFound($"No equipment '{itemId}'."));
        }

        var clinic = GrainFactory.GetGrain<IClinicGrain>(ClinicId);
        var takesSpace = status == EquipmentStatus.OutOfService && takeSpaceOutOfService;
        if (takesSpace && item.RoomId is null)
        {
            return new EquipmentChange(null, Refusal.Invalid($"{item.Type} {item.Serial} names no treatment space to take out of service."));
        }

        // Back in service frees the space only if no other item still keeps it out.
        var freesSpace = status == EquipmentStatus.InService && item.TookSpaceOutOfService
            && !Items.Any(i => i.ItemId != itemId && i.TookSpaceOutOfService && i.RoomId == item.RoomId);
        if ((takesSpace || freesSpace) && await clinic.GetConfig() is { } config && config.FindRoom(item.RoomId!) is { } room
            && room.OutOfService != takesSpace)
        {
            var rooms = config.Rooms.Select(r => r.Id == room.Id ? r with { OutOfService = takesSpace } : r).ToList();
            if (await clinic.Configure(config with { Rooms = rooms }) is { } refusal)
            {
                return new EquipmentChange(null, refusal);
            }
        }

        return await Change(itemId, i => i with { Status = status, TookSpaceOutOfService = takesSpace || (status == EquipmentStatus.OutOfService && i.TookSpaceOutOfService) });
    }

    public Task<IReadOnlyList<EquipmentItem>> List() => Task.FromResult<IReadOnlyList<EquipmentItem>>([.. Items]);

    private async Task<EquipmentChange> Change(string itemId, Func<EquipmentItem, EquipmentItem> change)
    {
        var index = Items.FindIndex(i => i.ItemId == itemId);
        if (index < 0)
        {
            return new EquipmentChange(null, Refusal.NotFound($"No equipment '{itemId}'."));
        }

        Items[index] = change(Items[index]);
        await equipment.WriteOrDropAsync(this);
        return new EquipmentChange(Items[index]);
    }
}
