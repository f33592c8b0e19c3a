using PtHub.Grains.Contracts;

namespace PtHub.Grains.Resources;

internal sealed class RoomGrain(
    [PersistentState("room", StorageNames.State)] IPersistentState<RoomState> room) : Grain, IRoomGrain
{
    public async Task Configure(TreatmentSpace? space)
    {
        if (room.State.Space == space)
        {
            return;
        }

        room.State.Space = space;
        await room.WriteOrDropAsync(this);
    }

    public async Task<Refusal?> Occupy(string visitId)
    {
        if (room.State.Space is not { } space)
        {
            return Refusal.NotFound($"No treatment space '{GrainKeys.Split(this.GetPrimaryKeyString()).LocalId}' in this clinic.");
        }

        if (room.State.Occupancy.Holds(visitId))
        {
            return null;
        }

        if (space.OutOfService)
        {
            return Refusal.Conflict($"{space.Name} is out of service.");
        }

        if (!room.State.Occupancy.TryTake(visitId, space.Capacity))
        {
            return Refusal.Conflict($"{space.Name} is full ({space.Capacity} of {space.Capacity} places taken).");
        }

        await room.WriteOrDropAsync(this);
        return null;
    }

    public async Task Release(string visitId)
    {
        if (room.State.Occupancy.Release(visitId))
        {
            await room.WriteOrDropAsync(this);
        }
    }

    public Task<ResourceLoad?> GetLoad() => Task.FromResult(room.State.Space is { } space
        ? new ResourceLoad(space.Id, space.Capacity, room.State.Occupancy.VisitIds.ToArray(), space.OutOfService)
        : null);
}
