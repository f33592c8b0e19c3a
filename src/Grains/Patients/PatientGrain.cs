using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PtHub.Grains.Billing;
using PtHub.Grains.Contracts;
using PtHub.Grains.Visits;
using PtHub.Grains.Scheduling;
using PtHub.Grains.Storage;

namespace PtHub.Grains.Patients;

/// <summary>
/// A patient's record. Changes that the board shows (coverage, authorizations, billing counts) are told to today's
/// clinic-day grain one-way, so the front desk sees them at once and no call cycle can form. The grain writes its own
/// row of the search index (<see cref="IPatientIndex"/>) after its state: the state write marks the index stale
/// (<see cref="PatientState.IndexedVersion"/> 0), so a crash between the two writes is repaired at the next activation.
/// </summary>
internal sealed partial class PatientGrain(
    [PersistentState("patient", StorageNames.State)] IPersistentState<PatientState> patient,
    [FromKeyedServices(Clock.Key)] TimeProvider time,
    IOptions<BillingOptions> billing,
    IPatientIndex index,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private const int BilledVisitsKept = 200;
    private const int VisitsKept = 500;

    /// <summary>Raise it when the index's folded forms change: every patient re-indexes itself at its next activation.</summary>
    private const int IndexVersion = 1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (patient.State.Record is not null && patient.State.IndexedVersion < IndexVersion)
        {
            await IndexAsync();
        }
    }

    public async Task<PatientRecord> Register(PatientDetails details)
    {
        var now = time.GetUtcNow();
        patient.State.Record = patient.State.Record is { } known
            ? known with { Details = details }
            : new PatientRecord(this.GetPrimaryKeyString(), details, now);
        await SaveAndIndexAsync();
        return patient.State.Record;
    }

    public async Task<PatientRecord?> ChangeDetails(PatientDetails details)
    {
        if (patient.State.Record is not { MergedInto: null } record || record.Details.ClinicId != details.ClinicId)
        {
            return null;
        }

        if (record.Details != details)
        {
            patient.State.Record = record with { Details = details };
            await SaveAndIndexAsync();
            await TellTodayAsync(patient.State.Record);
        }

        return patient.State.Record;
    }

    public async Task<Refusal?> MergeFrom(string duplicateId)
    {
        var keepId = this.GetPrimaryKeyString();
        if (patient.State.Record is not { } record)
        {
            return Refusal.NotFound($"No patient '{keepId}'.");
        }

        if (record.MergedInto is { } elsewhere)
        {
            return Refusal.Invalid($"Patient '{keepId}' was merged into '{elsewhere}'; merge into that record.");
        }

        if (duplicateId == keepId)
        {
            return Refusal.Invalid("A patient cannot be merged into itself.");
        }

        var duplicate = GrainFactory.GetGrain<IPatientGrain>(duplicateId);
        if (await duplicate.Get() is not { } other || other.Details.ClinicId != record.Details.ClinicId)
        {
            return Refusal.NotFound($"No patient '{duplicateId}' in clinic '{record.Details.ClinicId}'.");
        }

        if (await duplicate.MergeInto(keepId) is { } refused)
        {
            return refused;
        }

        // After the duplicate points here (so a repeat of a merge that failed part-way finds it and goes on).
        foreach (var visitId in await index.VisitsOfAsync(record.Details.ClinicId, duplicateId))
        {
            await GrainFactory.GetGrain<IVisitGrain>(visitId).MovePatient(duplicateId, keepId);
        }

        var merged = record with
        {
            CancelledVisits = Union(record.CancelledVisits, other.CancelledVisits),
            NoShowVisits = Union(record.NoShowVisits, other.NoShowVisits),
        };
        if (!patient.State.MergedFrom.Contains(duplicateId) || merged != record)
        {
            patient.State.MergedFrom.Remove(duplicateId);
            patient.State.MergedFrom.Add(duplicateId);
            patient.State.Record = merged;
            await patient.WriteOrDropAsync(this);
        }

        return null;
    }

    public async Task<Refusal?> MergeInto(string keepId)
    {
        switch (patient.State.Record)
        {
            case null:
                return Refusal.NotFound($"No patient '{this.GetPrimaryKeyString()}'.");
            case { MergedInto: { } already } when already != keepId:
                return Refusal.Conflict($"Patient '{this.GetPrimaryKeyString()}' was already merged into '{already}'.");
            case { MergedInto: null } record:
                patient.State.Record = record with { MergedInto = keepId };
                await SaveAndIndexAsync();
                break;
            default:
                if (patient.State.IndexedVersion < IndexVersion)
                {
                    await IndexAsync();
                }

                break;
        }

        return null;
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
        var visits = await VisitReads.SnapshotsAsync(GrainFactory, patient.State.VisitIds);
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
        VisitStatus.Cancelled or VisitStatus.NoShow => r,
        _ when r.CancelledVisits?.Contains(visitId) == true || r.NoShowVisits?.Contains(visitId) == true => r with
        {
            CancelledVisits = r.CancelledVisits?.Where(id => id != visitId).ToValueList(),
            NoShowVisits = r.NoShowVisits?.Where(id => id != visitId).ToValueList(),
        },
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
        // The id is drawn first so each visit of the series records the plan it belongs to as it is booked.
        var planId = Guid.NewGuid().ToString("N")[..12];
        var terms = new PlanOfCare(planId, request, [], [], time.GetUtcNow()).Terms;
        var booked = new List<string>();
        var unplaced = new List<UnplacedVisit>();
        foreach (var (weekOf, days) in SeriesPlanner.Weeks(request))
        {
            var placed = 0;
            foreach (var date in days.TakeWhile(_ => placed < request.VisitsPerWeek))
            {
                if (await BookFirstFreeAsync(config, clinicId, date, request, terms) is { } visitId)
                {
                    booked.Add(visitId);
                    placed++;
                }
            }

            unplaced.AddRange(Enumerable.Repeat(new UnplacedVisit(weekOf, "No free time on the week's days near the preferred time."),
                request.VisitsPerWeek - placed));
        }

        var plan = new PlanOfCare(planId, request, booked.ToValueList(), unplaced.ToValueList(), time.GetUtcNow());
        patient.State.Plans.Add(plan);
        patient.State.Record = record with { PlanOfCareStart = record.PlanOfCareStart ?? request.StartDate };
        await patient.WriteOrDropAsync(this);
        await GrainFactory.GetGrain<IClinicGrain>(clinicId).AddPlanPatient(this.GetPrimaryKeyString());
        return plan;
    }

    public Task<VisitPlan?> FindPlan(string? planId, DateOnly day) => Task.FromResult(
        planId is not null
            ? patient.State.Plans.FirstOrDefault(p => p.PlanId == planId)?.Terms
            : patient.State.Plans.Where(p => p.Terms.Covers(day)).OrderBy(p => p.CreatedAt).LastOrDefault()?.Terms);

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
            var visits = (await VisitReads.SnapshotsAsync(GrainFactory, plan.VisitIds)).OfType<VisitSnapshot>().ToList();
            var attended = visits.Count(v => v.Status == VisitStatus.CheckedOut);
            var ahead = visits.Count(v => !v.IsClosed);
            var missed = visits.Count(v => v.Status is VisitStatus.Cancelled or VisitStatus.NoShow or VisitStatus.LeftWithoutBeingSeen);
            progress.Add(new PlanProgress(plan.PlanId, record.PatientId, name, plan.PlannedVisits, attended, ahead, missed,
                Math.Max(0, plan.PlannedVisits - attended - ahead), visits.Count > 0 ? visits.Max(v => v.StatusSince) : null));
        }

        return progress;
    }

    /// <summary>Books the first start near the preferred time that the day's rules accept; null when none does.</summary>
    private async Task<string?> BookFirstFreeAsync(ClinicConfig config, string clinicId, DateOnly date, PlanOfCareRequest request, VisitPlan plan)
    {
        var day = GrainFactory.GetGrain<IClinicDayGrain>(GrainKeys.ClinicDay(clinicId, date));
        foreach (var start in SeriesPlanner.Starts(config, date, request.PreferredTime).Where(s => config.LocalDate(s) == date))
        {
            var result = await day.Book(new BookVisitRequest(this.GetPrimaryKeyString(), request.TherapistId, request.VisitTypeCode,
                start, null, false, request.Actor, null, request.RoomId, Plan: plan));
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

    private static ValueList<string>? Union(ValueList<string>? a, ValueList<string>? b) =>
        a is null && b is null ? null : (a ?? []).Concat(b ?? []).Distinct(StringComparer.Ordinal).ToValueList();

    /// <summary>Stores the change with the index marked stale, then brings the index up to date.</summary>
    private async Task SaveAndIndexAsync()
    {
        patient.State.IndexedVersion = 0;
        await patient.WriteOrDropAsync(this);
        await IndexAsync();
    }

    /// <summary>
    /// Upserts (or, once merged away, removes) this patient's index rows, then records that it is indexed. A failure
    /// leaves the mark stale and drops the activation, so the next call re-activates and tries again.
    /// </summary>
    private async Task IndexAsync()
    {
        var record = patient.State.Record!;
        try
        {
            if (record.MergedInto is null)
            {
                await index.UpsertAsync(PatientIndexEntry.Of(record));
            }
            else
            {
                await index.RemoveAsync(record.Details.ClinicId, record.PatientId);
            }

            patient.State.IndexedVersion = IndexVersion;
            await patient.WriteStateAsync();
        }
        catch (Exception ex)
        {
            LogIndexFailed(logger, ex, record.PatientId);
            DeactivateOnIdle();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient {PatientId}: the search index was not updated; retried at the next activation")]
    private static partial void LogIndexFailed(ILogger logger, Exception ex, string patientId);

    private async Task TellTodayAsync(PatientRecord record)
    {
        if (await GrainFactory.GetGrain<IClinicGrain>(record.Details.ClinicId).GetConfig() is { } config)
        {
            var today = config.LocalDate(time.GetUtcNow());
            await GrainFactory.GetGrain<IClinicDayLiveGrain>(GrainKeys.ClinicDay(record.Details.ClinicId, today)).OnPatientChanged(record);
        }
    }
}
