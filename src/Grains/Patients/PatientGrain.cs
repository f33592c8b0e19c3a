using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Patients;

/// <summary>
/// A patient's record. Changes that the board shows (coverage, authorizations, billing counts) are told to today's
/// clinic-day grain one-way, so the front desk sees them at once and no call cycle can form.
/// </summary>
internal sealed class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> patient,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOptions<BillingOptions> billing) : Grain, IPatientGrain
{
    private const int BilledVisitsKept = 200;

    public async Task<PatientRecord> Register(PatientDetails details)
    {
        var now = time.GetUtcNow();
        patient.State.Record = patient.State.Record is { } known
            ? known with { Details = details }
            : new PatientRecord(this.GetPrimaryKeyString(), details, now);
        await patient.WriteStateAsync();
        return patient.State.Record;
    }

    public Task<PatientRecord?> Get() => Task.FromResult(patient.State.Record);

    public Task<PatientRecord?> SetCoverage(Coverage coverage) =>
        ChangeAsync(r => r with { Coverage = coverage with { Verification = VerificationStatus.Unverified, VerifiedBy = null, VerifiedAt = null } });

    public Task<PatientRecord?> VerifyCoverage(VerificationStatus status, string by) =>
        ChangeAsync(r => r.Coverage is null ? r : r with { Coverage = r.Coverage with { Verification = status, VerifiedBy = by, VerifiedAt = time.GetUtcNow() } });

    public Task<PatientRecord?> AddAuthorization(Authorization authorization) =>
        ChangeAsync(r => r with { Authorizations = (r.Authorizations ?? []).Where(a => a.Id != authorization.Id).Append(authorization).ToValueList() });

    public Task<PatientRecord?> RecordProgressReport() => ChangeAsync(r => r with { TreatmentDaysSinceProgressReport = [] });

    public Task<PatientRecord?> SetPlanOfCareStart(DateOnly start) => ChangeAsync(r => r with { PlanOfCareStart = start });

    public async Task<VisitBilling> BillVisit(string visitId, DateOnly date, ValueList<ServiceMinutes> services)
    {
        if (patient.State.Billed.Find(b => b.VisitId == visitId) is { } done)
        {
            return done.Billing;
        }

        var record = patient.State.Record ?? throw new InvalidOperationException($"No patient '{this.GetPrimaryKeyString()}'.");
        var (bill, updated) = CheckOutBilling.Bill(record, date, services, billing.Value);
        patient.State.Record = updated;
        patient.State.Billed.Add(new BilledVisit(visitId, bill));
        if (patient.State.Billed.Count > BilledVisitsKept)
        {
            patient.State.Billed.RemoveAt(0);
        }

        await patient.WriteStateAsync();
        await TellTodayAsync(updated);
        return bill;
    }

    private async Task<PatientRecord?> ChangeAsync(Func<PatientRecord, PatientRecord> change)
    {
        if (patient.State.Record is not { } record)
        {
            return null;
        }

        var updated = change(record);
        if (updated == record)
        {
            return record;
        }

        patient.State.Record = updated;
        await patient.WriteStateAsync();
        await TellTodayAsync(updated);
        return updated;
    }

    private async Task TellTodayAsync(PatientRecord record)
    {
        if (await GrainFactory.GetGrain<IClinicGrain>(record.Details.ClinicId).GetConfig() is { } config)
        {
            var today = config.LocalDate(time.GetUtcNow());
            await GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(record.Details.ClinicId, today)).OnPatientChanged(record);
        }
    }
}
