using Orleans.Storage;

namespace PtHub.Silo.Storage;

/// <summary>The embedded mode's grain storage: Orleans' ADO.NET storage on SQLite, its writes taking turns at the <see cref="SqliteWriteGate"/>.</summary>
internal sealed class SerializedGrainStorage(IGrainStorage inner, SqliteWriteGate gate) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.RunAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.RunAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));
}
