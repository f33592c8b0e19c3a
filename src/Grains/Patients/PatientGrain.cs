using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Scheduling;

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
    private const int VisitsKept = 500;

    public async Task<PatientRecord> Register(PatientDetails details)
    {
        var now = time.GetUtcNow();
        patient.State.Record = patient.State.Record is { } known
            ? known with { Details = details }
            : new PatientRecord(this.GetPrimaryKeyString(), details, now);
        await patient.WriteOrDropAsync(this);
        return patient.State.Record;
    }

    public Task<PatientRecord?> Get() => Task.FromResult(patient.State.Record);

    public Task<PatientRecord?> UpdateDetails(PatientDetails details) =>
        ChangeAsync(r => r with { Details = details with { ClinicId = r.Details.ClinicId } });

    public async Task OnVisitBooked(string visitId)
    {
        if (patient.State.Record is null || patient.State.VisitIds.Contains(visitId))
        {
            return;
        }

        patient.State.VisitIds.Add(visitId);
        if (patient.State.VisitIds.Count > VisitsKept)
        {
            patient.State.VisitIds.RemoveAt(0);
        }

        await patient.WriteOrDropAsync(this);
    }

    public async Task<IReadOnlyList<VisitSnapshot>> GetVisits()
    {
        var visits = await Task.WhenAll(patient.State.VisitIds.Select(id => GrainFactory.GetGrain<IVisitGrain>(id).GetSnapshot()));
        return [.. visits.OfType<VisitSnapshot>().Where(v => v.PatientId == this.GetPrimaryKeyString()).OrderBy(v => v.ScheduledStart)];
    }

    public Task<PatientBillingStatus?> GetBillingStatus(DateOnly today) =>
        Task.FromResult(patient.State.Record is { } record ? BillingStatus.For(record, today, billing.Value) : null);

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

        await patient.WriteOrDropAsync(this);
        await TellTodayAsync(updated);
        return bill;
    }

    public Task RecordMissedVisit(string visitId, VisitStatus status) => ChangeAsync(r => status switch
    {
        VisitStatus.Cancelled when r.CancelledVisits?.Contains(visitId) != true =>
            r with { CancelledVisits = (r.CancelledVisits ?? []).Append(visitId).ToValueList() },
        VisitStatus.NoShow when r.NoShowVisits?.Contains(visitId) != true =>
            r with { NoShowVisits = (r.NoShowVisits ?? []).Append(visitId).ToValueList() },
        _ => r,
    });

    public async Task<PlanOfCare?> CreatePlanOfCare(PlanOfCareRequest request)
    {
        if (patient.State.Record is not { } record
            || await GrainFactory.GetGrain<IClinicGrain>(record.Details.ClinicId).GetConfig() is not { } config)
        {
            return null;
        }

        var clinicId = record.Details.ClinicId;
        var booked = new List<string>();
        var unplaced = new List<UnplacedVisit>();
        foreach (var (weekOf, days) in SeriesPlanner.Weeks(request))
        {
            var placed = 0;
            foreach (var date in days.TakeWhile(_ => placed < request.VisitsPerWeek))
            {
                if (await BookFirstFreeAsync(config, clinicId, date, request) is { } visitId)
                {
                    booked.Add(visitId);
                    placed++;
                }
            }

            unplaced.AddRange(Enumerable.Repeat(new UnplacedVisit(weekOf, "No free time on the week's days near the preferred time."),
                request.VisitsPerWeek - placed));
        }

        var plan = new PlanOfCare(Guid.NewGuid().ToString("N")[..12], request, booked.ToValueList(), unplaced.ToValueList(), time.GetUtcNow());
        patient.State.Plans.Add(plan);
        patient.State.Record = record with { PlanOfCareStart = record.PlanOfCareStart ?? request.StartDate };
        await patient.WriteOrDropAsync(this);
        await GrainFactory.GetGrain<IClinicGrain>(clinicId).AddPlanPatient(this.GetPrimaryKeyString());
        return plan;
    }

    public async Task<IReadOnlyList<PlanProgress>> GetPlanProgress()
    {
        if (patient.State.Record is not { } record)
        {
            return [];
        }

        var name = $"{record.Details.LastName}, {record.Details.FirstName}";
        var progress = new List<PlanProgress>();
        foreach (var plan in patient.State.Plans)
        {
            var visits = (await Task.WhenAll(plan.VisitIds.Select(id => GrainFactory.GetGrain<IVisitGrain>(id).GetSnapshot()))).OfType<VisitSnapshot>().ToList();
            var attended = visits.Count(v => v.Status == VisitStatus.CheckedOut);
            var ahead = visits.Count(v => !v.IsClosed);
            var missed = visits.Count(v => v.Status is VisitStatus.Cancelled or VisitStatus.NoShow or VisitStatus.LeftWithoutBeingSeen);
            progress.Add(new PlanProgress(plan.PlanId, record.PatientId, name, plan.PlannedVisits, attended, ahead, missed,
                Math.Max(0, plan.PlannedVisits - attended - ahead)));
        }

        return progress;
    }

    /// <summary>Books the first start near the preferred time that the day's rules accept; null when none does.</summary>
    private async Task<string?> BookFirstFreeAsync(ClinicConfig config, string clinicId, DateOnly date, PlanOfCareRequest request)
    {
        var day = GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, date));
        foreach (var start in SeriesPlanner.Starts(config, date, request.PreferredTime).Where(s => config.LocalDate(s) == date))
        {
            var result = await day.Book(new BookVisitRequest(this.GetPrimaryKeyString(), request.TherapistId, request.VisitTypeCode,
                start, null, false, request.Actor, null, request.RoomId));
            if (result.Visit is { } visit)
            {
                return visit.VisitId;
            }
        }

        return null;
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
        await patient.WriteOrDropAsync(this);
        await TellTodayAsync(updated);
        return updated;
    }

    private async Task TellTodayAsync(PatientRecord record)
    {
        if (await GrainFactory.GetGrain<IClinicGrain>(record.Details.ClinicId).GetConfig() is { } config)
        {
            var today = config.LocalDate(time.GetUtcNow());
            await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(record.Details.ClinicId, today)).OnPatientChanged(record);
        }
    }
}
