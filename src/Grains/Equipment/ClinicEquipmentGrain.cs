using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Equipment;

/// <summary>
/// A clinic's equipment. Taking an item's treatment space out of service goes through <see cref="IClinicGrain.Configure"/>,
/// the path the setup screen uses, so the schedule, the board and the manager's view follow it like any other change.
/// The item is written first, together with the space it affects (<see cref="EquipmentState.SpacesToReconcile"/>); the
/// configuration is then brought in line with the items, and again on the next activation if that did not finish. The
/// reconciliation derives each space's flag from the items alone, so running it twice changes nothing.
/// </summary>
internal sealed partial class ClinicEquipmentGrain(
    [PersistentState("equipment", StorageNames.State)] IPersistentState<EquipmentState> equipment,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    ILogger<ClinicEquipmentGrain> logger) : Grain, IClinicEquipmentGrain
{
    private List<EquipmentItem> Items => equipment.State.Items;

    private string ClinicId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (equipment.State.SpacesToReconcile.Count > 0)
        {
            try
            {
                await ReconcileSpacesAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The spaces stay listed: the next status change or activation tries again. The items are the truth meanwhile.
                LogReconcileFailed(e, ClinicId, string.Join(", ", equipment.State.SpacesToReconcile));
            }
        }
    }

    public async Task<EquipmentItem> Add(EquipmentSpec spec)
    {
        var item = new EquipmentItem(Guid.NewGuid().ToString("N")[..12], spec.Type, spec.Serial, spec.Location, spec.RoomId, spec.IntervalMonths,
            spec.LastService, EquipmentStatus.InService, ValueList<ServiceRecord>.Empty);
        Items.Add(item);
        await equipment.WriteOrDropAsync(this);
        return item;
    }

    public async Task<EquipmentChange> Update(string itemId, EquipmentSpec spec)
    {
        // An item that holds its space out of service and moves to another space holds the new one instead.
        var moved = Items.FirstOrDefault(i => i.ItemId == itemId) is { TookSpaceOutOfService: true } holder && holder.RoomId != spec.RoomId
            ? new[] { holder.RoomId, spec.RoomId }.OfType<string>().ToList()
            : [];
        var change = await Change(itemId, item => item with
        {
            Type = spec.Type, Serial = spec.Serial, Location = spec.Location, RoomId = spec.RoomId, IntervalMonths = spec.IntervalMonths,
            LastService = spec.LastService, TookSpaceOutOfService = item.TookSpaceOutOfService && spec.RoomId is not null,
        }, moved);
        return moved.Count > 0 && change.Item is not null ? await AfterReconcileAsync(change) : change;
    }

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

        var takesSpace = status == EquipmentStatus.OutOfService && takeSpaceOutOfService;
        if (takesSpace && item.RoomId is null)
        {
            return new EquipmentChange(null, Refusal.Invalid($"{item.Type} {item.Serial} names no treatment space to take out of service."));
        }

        // Back in service gives back a space the item took; the reconciliation frees it unless other equipment still holds it.
        var holds = takesSpace || (status == EquipmentStatus.OutOfService && item.TookSpaceOutOfService);
        var affects = item.RoomId is { } roomId && (holds || item.TookSpaceOutOfService) ? [roomId] : new List<string>();
        var change = await Change(itemId, i => i with { Status = status, TookSpaceOutOfService = holds }, affects);
        return change.Item is not null ? await AfterReconcileAsync(change) : change;
    }

    public Task<IReadOnlyList<EquipmentItem>> List() => Task.FromResult<IReadOnlyList<EquipmentItem>>([.. Items]);

    private async Task<EquipmentChange> Change(string itemId, Func<EquipmentItem, EquipmentItem> change, IReadOnlyList<string>? spaces = null)
    {
        var index = Items.FindIndex(i => i.ItemId == itemId);
        if (index < 0)
        {
            return new EquipmentChange(null, Refusal.NotFound($"No equipment '{itemId}'."));
        }

        Items[index] = change(Items[index]);
        foreach (var space in spaces ?? [])
        {
            if (!equipment.State.SpacesToReconcile.Contains(space))
            {
                equipment.State.SpacesToReconcile.Add(space);
            }
        }

        await equipment.WriteOrDropAsync(this);
        return new EquipmentChange(Items[index]);
    }

    /// <summary>The change, once the clinic's configuration agrees with it.</summary>
    private async Task<EquipmentChange> AfterReconcileAsync(EquipmentChange change)
    {
        await ReconcileSpacesAsync();
        return change;
    }

    /// <summary>
    /// Sets each listed space out of service exactly when an item holds it, in one configuration change, then forgets
    /// the list. A space no longer in the configuration needs nothing. The configuration refuses only an invalid one,
    /// which a stored configuration is not; if it ever does, the refusal is logged and the list kept for the next try.
    /// </summary>
    private async Task ReconcileSpacesAsync()
    {
        var pending = equipment.State.SpacesToReconcile.ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var clinic = GrainFactory.GetGrain<IClinicGrain>(ClinicId);
        if (await clinic.GetConfig() is { } config)
        {
            var held = Items.Where(i => i.TookSpaceOutOfService && i.RoomId is not null).Select(i => i.RoomId!).ToHashSet();
            var rooms = config.Rooms.Select(r => pending.Contains(r.Id) && r.OutOfService != held.Contains(r.Id) ? r with { OutOfService = held.Contains(r.Id) } : r)
                .ToList();
            if (!rooms.SequenceEqual(config.Rooms) && await clinic.Configure(config with { Rooms = rooms }) is { } refusal)
            {
                LogReconcileRefused(ClinicId, string.Join(", ", pending), refusal.Message);
                return;
            }
        }

        equipment.State.SpacesToReconcile.RemoveAll(pending.Contains);
        await equipment.WriteOrDropAsync(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic {ClinicId}: treatment spaces {Spaces} could not be reconciled with the equipment on activation")]
    private partial void LogReconcileFailed(Exception error, string clinicId, string spaces);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clinic {ClinicId}: the configuration refused the equipment's treatment spaces {Spaces}: {Reason}")]
    private partial void LogReconcileRefused(string clinicId, string spaces, string reason);
}
