using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PtHub.Grains.Contracts;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Audit;

/// <summary>
/// One audit chain. Reentrant so that appends arriving while a commit is in flight join the queue of
/// <see cref="AuditChainWriter"/> and go out together in the next transaction, instead of each waiting its turn.
/// It keeps no grain state: the chain's head is read from the audit table on activation, and again after a failed commit.
/// </summary>
[Reentrant]
internal sealed class AuditChainGrain : Grain, IAuditChainGrain
{
    private readonly TimeProvider _time;
    private readonly AuditChainWriter _writer;

    public AuditChainGrain(IAuditStore store, [FromKeyedServices(Clock.Key)] TimeProvider time, ILogger<AuditChainGrain> logger)
    {
        _time = time;
        _writer = new AuditChainWriter(this.GetPrimaryKeyString(), store, logger);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _writer.LoadHeadAsync(cancellationToken);

    public Task<AuditEntry> Append(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.UserId, nameof(record.UserId));
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Role, nameof(record.Role));
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action, nameof(record.Action));
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Resource, nameof(record.Resource));
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Source, nameof(record.Source));
        if (!AuditOutcomes.IsKnown(record.Outcome))
        {
            throw new ArgumentException($"Outcome must be '{AuditOutcomes.Ok}', '{AuditOutcomes.Denied}' or '{AuditOutcomes.Failed}', not '{record.Outcome}'.", nameof(record));
        }

        if (record.PatientId is { } patientId && string.IsNullOrWhiteSpace(patientId))
        {
            throw new ArgumentException("PatientId is null or a patient's id, never blank.", nameof(record));
        }

        if (AuditChains.For(record.ClinicId) != _writer.Chain)
        {
            throw new ArgumentException($"A record of clinic '{record.ClinicId ?? "(none)"}' belongs to chain '{AuditChains.For(record.ClinicId)}', not '{_writer.Chain}'.", nameof(record));
        }

        return _writer.Enqueue(record, _time.GetUtcNow());
    }
}
