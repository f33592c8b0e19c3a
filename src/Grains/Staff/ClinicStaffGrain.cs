using Microsoft.Extensions.DependencyInjection;
using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

/// <summary>
/// A clinic's roster, credentials and training. It calls no other grain, so the clinic-day grain can ask it about a
/// therapist's licence while booking without any risk of a call cycle.
/// </summary>
internal sealed class ClinicStaffGrain(
    [PersistentState("staff", StorageNames.State)] IPersistentState<ClinicStaffState> staff,
    [FromKeyedServices(Clock.Key)] TimeProvider time) : Grain, IClinicStaffGrain
{
    private List<StaffMember> Roster => staff.State.Roster;

    private StaffSettings Settings => staff.State.Settings ?? StaffSettings.Default;

    public async Task<StaffChange> Add(StaffMemberSpec spec)
    {
        if (Clash(null, spec) is { } refusal)
        {
            return new StaffChange(null, refusal);
        }

        var member = new StaffMember(NewId(), spec.Name, spec.JobRole, spec.EmploymentStart, spec.Email, spec.Phone, spec.UserId, spec.TherapistId,
            ValueList<Credential>.Empty, ValueList<TrainingRecord>.Empty);
        Roster.Add(member);
        await staff.WriteOrDropAsync(this);
        return new StaffChange(member);
    }

    public Task<StaffChange> Update(string staffId, StaffMemberSpec spec) =>
        Clash(staffId, spec) is { } refusal
            ? Task.FromResult(new StaffChange(null, refusal))
            : Change(staffId, m => m with
            {
                Name = spec.Name, JobRole = spec.JobRole, EmploymentStart = spec.EmploymentStart, Email = spec.Email, Phone = spec.Phone,
                UserId = spec.UserId, TherapistId = spec.TherapistId,
            });

    public Task<StaffChange> AddCredential(string staffId, CredentialSpec spec, string recordedBy) =>
        Settings.FindCredentialType(spec.TypeCode) is null
            ? Task.FromResult(new StaffChange(null, Refusal.Invalid(
                $"No credential type '{spec.TypeCode}'; the clinic keeps {string.Join(", ", Settings.CredentialTypes.Select(t => t.Code))}.")))
            : Change(staffId, m => m with
            {
                Credentials = m.Credentials.Append(new Credential(NewId(), spec.TypeCode, spec.Number, spec.Issuer, spec.Expiry, recordedBy, time.GetUtcNow()))
                    .ToValueList(),
            });

    public Task<StaffChange> RemoveCredential(string staffId, string credentialId) =>
        Roster.FirstOrDefault(m => m.StaffId == staffId) is { } member && member.Credentials.All(c => c.CredentialId != credentialId)
            ? Task.FromResult(new StaffChange(null, Refusal.NotFound($"{member.Name} has no credential '{credentialId}'.")))
            : Change(staffId, m => m with { Credentials = m.Credentials.Where(c => c.CredentialId != credentialId).ToValueList() });

    public Task<StaffChange> AddTraining(string staffId, TrainingSpec spec, string recordedBy) =>
        Settings.FindTrainingType(spec.TypeCode) is null
            ? Task.FromResult(new StaffChange(null, Refusal.Invalid(
                $"No training type '{spec.TypeCode}'; the clinic keeps {string.Join(", ", Settings.TrainingTypes.Select(t => t.Code))}.")))
            : Change(staffId, m => m with
            {
                Training = m.Training.Append(new TrainingRecord(NewId(), spec.TypeCode, spec.CompletedOn, spec.DueOn, recordedBy, time.GetUtcNow()))
                    .ToValueList(),
            });

    public Task<IReadOnlyList<StaffMember>> List() => Task.FromResult<IReadOnlyList<StaffMember>>([.. Roster]);

    public Task<StaffMember?> FindByUser(string userId) => Task.FromResult(Roster.FirstOrDefault(m => m.UserId == userId));

    public Task<StaffSettings> GetSettings() => Task.FromResult(Settings);

    public async Task<Refusal?> SetSettings(StaffSettings settings)
    {
        var credentialCodes = settings.CredentialTypes.Select(t => t.Code).ToHashSet();
        var trainingCodes = settings.TrainingTypes.Select(t => t.Code).ToHashSet();
        var dropped = Roster.SelectMany(m => m.Credentials.Select(c => c.TypeCode)).Where(c => !credentialCodes.Contains(c))
            .Concat(Roster.SelectMany(m => m.Training.Select(t => t.TypeCode)).Where(c => !trainingCodes.Contains(c)))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            return Refusal.Conflict($"Still held by people on the roster: {string.Join(", ", dropped)}.");
        }

        staff.State.Settings = settings;
        await staff.WriteOrDropAsync(this);
        return null;
    }

    public Task<string?> LicenceConflict(string therapistId, DateOnly date) =>
        Task.FromResult(Roster.FirstOrDefault(m => m.TherapistId == therapistId) is { } member ? StaffDue.LicenceConflict(Settings, member, date) : null);

    private Refusal? Clash(string? staffId, StaffMemberSpec spec)
    {
        var others = Roster.Where(m => m.StaffId != staffId).ToList();
        if (spec.TherapistId is { } therapistId && others.FirstOrDefault(m => m.TherapistId == therapistId) is { } holder)
        {
            return Refusal.Conflict($"Therapist '{therapistId}' is already {holder.Name} on the roster.");
        }

        return spec.UserId is { } userId && others.FirstOrDefault(m => m.UserId == userId) is { } user
            ? Refusal.Conflict($"Account '{userId}' is already {user.Name} on the roster.")
            : null;
    }

    private async Task<StaffChange> Change(string staffId, Func<StaffMember, StaffMember> change)
    {
        var index = Roster.FindIndex(m => m.StaffId == staffId);
        if (index < 0)
        {
            return new StaffChange(null, Refusal.NotFound($"No one '{staffId}' on the roster."));
        }

        Roster[index] = change(Roster[index]);
        await staff.WriteOrDropAsync(this);
        return new StaffChange(Roster[index]);
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
