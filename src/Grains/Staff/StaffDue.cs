using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

/// <summary>
/// Which credentials expire and which trainings fall due, on a clinic day; who may treat on a date. Pure. Of each
/// type a person holds, only the credential expiring last and the training due last count: a renewal replaces the
/// old record without deleting it.
/// </summary>
public static class StaffDue
{
    public static StaffAlerts Alerts(DateOnly today, StaffSettings settings, IEnumerable<StaffMember> roster)
    {
        var alerts = new List<StaffAlert>();
        foreach (var member in roster)
        {
            foreach (var credential in LatestCredentials(member))
            {
                if (credential.Expiry is { } expiry && Alert(today, settings, member, StaffAlertSubject.Credential, credential.TypeCode,
                        settings.FindCredentialType(credential.TypeCode)?.Name, expiry) is { } alert)
                {
                    alerts.Add(alert);
                }
            }

            foreach (var training in LatestTraining(member))
            {
                if (Alert(today, settings, member, StaffAlertSubject.Training, training.TypeCode, settings.FindTrainingType(training.TypeCode)?.Name,
                        training.DueOn) is { } alert)
                {
                    alerts.Add(alert);
                }
            }
        }

        return new StaffAlerts(today, settings.LeadDays, alerts.OrderBy(a => a.Date).ThenBy(a => a.StaffName, StringComparer.Ordinal).ToValueList());
    }

    /// <summary>Each person's standing in one training type (HIPAA for the compliance list), in roster order.</summary>
    public static IReadOnlyList<TrainingStatus> Standing(DateOnly today, StaffSettings settings, IEnumerable<StaffMember> roster, string typeCode)
    {
        var horizon = settings.LeadDays.Count == 0 ? 0 : settings.LeadDays.Max();
        return
        [
            .. roster.Select(member => LatestTraining(member).FirstOrDefault(t => t.TypeCode == typeCode) is { } latest
                ? new TrainingStatus(member.StaffId, member.Name, typeCode,
                    latest.DueOn < today ? TrainingStanding.Overdue
                        : latest.DueOn.DayNumber - today.DayNumber <= horizon ? TrainingStanding.DueSoon
                        : TrainingStanding.Current,
                    latest.CompletedOn, latest.DueOn)
                : new TrainingStatus(member.StaffId, member.Name, typeCode, TrainingStanding.Missing, null, null)),
        ];
    }

    /// <summary>
    /// Why a therapist may not treat on <paramref name="date"/>: the licence expiring last expired before that day (a
    /// licence is valid through its expiry date). Null when one is valid that day or none is on file.
    /// </summary>
    public static string? LicenceConflict(StaffSettings settings, StaffMember member, DateOnly date)
    {
        var licences = member.Credentials.Where(c => settings.FindCredentialType(c.TypeCode)?.Licence == true).ToList();
        if (licences.Count == 0 || licences.Any(c => c.Expiry is null || c.Expiry >= date))
        {
            return null;
        }

        var last = licences.MaxBy(c => c.Expiry)!;
        return $"{member.Name}'s {settings.FindCredentialType(last.TypeCode)!.Name} {last.Number} expired on {last.Expiry:yyyy-MM-dd}.";
    }

    /// <summary>An alert when the date is past, or within one of the lead times (the smallest it is within).</summary>
    public static StaffAlert? Alert(DateOnly today, StaffSettings settings, StaffMember member, StaffAlertSubject subject, string typeCode, string? typeName, DateOnly date)
    {
        var daysLeft = date.DayNumber - today.DayNumber;
        int? lead = settings.LeadDays.Where(l => l >= daysLeft).Select(l => (int?)l).Min();
        return daysLeft < 0 || lead is not null
            ? new StaffAlert(member.StaffId, member.Name, subject, typeCode, typeName ?? typeCode, date, daysLeft, daysLeft < 0 ? null : lead)
            : null;
    }

    private static IEnumerable<Credential> LatestCredentials(StaffMember member) =>
        member.Credentials.GroupBy(c => c.TypeCode)
            .Select(g => g.FirstOrDefault(c => c.Expiry is null) ?? g.MaxBy(c => c.Expiry)!);

    private static IEnumerable<TrainingRecord> LatestTraining(StaffMember member) =>
        member.Training.GroupBy(t => t.TypeCode).Select(g => g.MaxBy(t => t.DueOn)!);
}
