using PtHub.Grains.Contracts;

namespace PtHub.Grains.Kpis;

internal sealed class ClinicKpiTargetsGrain(
    [PersistentState("kpi-targets", StorageNames.State)] IPersistentState<ClinicKpiTargetsState> state) : Grain, IClinicKpiTargetsGrain
{
    public Task<IReadOnlyList<KpiTarget>> Get() => Task.FromResult<IReadOnlyList<KpiTarget>>([.. state.State.Targets]);

    public async Task Set(IReadOnlyList<KpiTarget> targets)
    {
        state.State.Targets = [.. targets];
        await state.WriteOrDropAsync(this);
    }
}
