namespace PtHub.Grains.Contracts;

/// <summary>A clinic's OSHA-300-style injury and illness log (key: clinic id). It names staff, never patients.</summary>
[Alias("PtHub.IClinicInjuryLogGrain")]
public interface IClinicInjuryLogGrain : IGrainWithStringKey
{
    /// <summary>Records a case under the clinic's next case number.</summary>
    [Alias("Record")]
    Task<InjuryCase> Record(InjuryCaseSpec spec, string recordedBy);

    /// <summary>Replaces a case's details; its number and who first recorded it stay.</summary>
    [Alias("Change")]
    Task<InjuryCaseChange> Change(string caseId, InjuryCaseSpec spec, string changedBy);

    /// <summary>The cases whose date falls in <paramref name="year"/>, oldest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<InjuryCase>> List(int year);

    /// <summary>The cases of every year linked to a person on the roster, oldest first.</summary>
    [Alias("ListOf"), AlwaysInterleave]
    Task<IReadOnlyList<InjuryCase>> ListOf(string staffId);

    /// <summary>The manager's average employees and hours worked for <paramref name="year"/>, if entered.</summary>
    [Alias("Establishment"), AlwaysInterleave]
    Task<InjuryLogEstablishment?> Establishment(int year);

    /// <summary>Enters (or replaces) the year's average employees and hours worked.</summary>
    [Alias("SetEstablishment")]
    Task<InjuryLogEstablishment> SetEstablishment(int year, int averageEmployees, long hoursWorked, string enteredBy);
}
