using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Communication;

[StatelessWorker]
internal sealed class OutboxQueryGrain(IOutboxStore store) : Grain, IOutboxQueryGrain
{
    private string ClinicId => this.GetPrimaryKeyString();

    public Task<IReadOnlyList<OutboxMessage>> List(string? patientId, int limit) => store.ListAsync(ClinicId, patientId, limit);

    public async Task<(OutboxMessage Message, IReadOnlyList<OutboxAttempt> Attempts)?> Get(string key) =>
        await store.GetAsync(key) is { } message && message.ClinicId == ClinicId ? (message, await store.AttemptsAsync(key)) : null;
}
