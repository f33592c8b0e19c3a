using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Compliance;

/// <summary>A clinic's injury and illness log: a few cases a year, so one small state holds all of them.</summary>
internal sealed class ClinicInjuryLogGrain(
    [PersistentState("injury-log", StorageNames.State)] IPersistentState<InjuryLogState> log,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicInjuryLogGrain
{
    private List<InjuryCase> Cases => log.State.Cases;

    public async Task<InjuryCase> Record(InjuryCaseSpec spec, string recordedBy)
    {
        var number = log.State.LastCaseNumber + 1;
        var entry = new InjuryCase(Guid.NewGuid().ToString("N")[..12], number, spec, recordedBy, time.GetUtcNow());
        Cases.Add(entry);
        log.State.LastCaseNumber = number;
        await log.WriteOrDropAsync(this);
        return entry;
    }

    public async Task<InjuryCaseChange> Change(string caseId, InjuryCaseSpec spec, string changedBy)
    {
        var index = Cases.FindIndex(c => c.CaseId == caseId);
        if (index < 0)
        {
            return new InjuryCaseChange(null, Refusal.NotFound($"No case '{caseId}' in the injury log."));
        }

        Cases[index] = Cases[index] with { Details = spec, ChangedBy = changedBy, ChangedAt = time.GetUtcNow() };
        await log.WriteOrDropAsync(this);
        return new InjuryCaseChange(Cases[index]);
    }

    public Task<IReadOnlyList<InjuryCase>> List(int year) =>
        Task.FromResult<IReadOnlyList<InjuryCase>>([.. Cases.Where(c => c.Details.Date.Year == year).OrderBy(c => c.Details.Date).ThenBy(c => c.CaseNumber)]);

    public Task<IReadOnlyList<InjuryCase>> ListOf(string staffId) =>
        Task.FromResult<IReadOnlyList<InjuryCase>>([.. Cases.Where(c => c.Details.StaffId == staffId).OrderBy(c => c.Details.Date).ThenBy(c => c.CaseNumber)]);

    public Task<InjuryLogEstablishment?> Establishment(int year) =>
        Task.FromResult(log.State.Establishment.FirstOrDefault(e => e.Year == year));

    public async Task<InjuryLogEstablishment> SetEstablishment(int year, int averageEmployees, long hoursWorked, string enteredBy)
    {
        var entry = new InjuryLogEstablishment(year, averageEmployees, hoursWorked, enteredBy, time.GetUtcNow());
        log.State.Establishment.RemoveAll(e => e.Year == year);
        log.State.Establishment.Add(entry);
        await log.WriteOrDropAsync(this);
        return entry;
    }
}
