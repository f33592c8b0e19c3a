namespace PtHub.Grains.Contracts;

/// <summary>
/// A clinic's credential and training types, and the lead times (days before an expiry or due date) at which the
/// manager's view raises an alert. Defaults: state PT and PTA licences, NPI, CPR/BLS; annual HIPAA and OSHA
/// training; alerts 60, 30 and 0 days ahead.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.StaffSettings")]
public sealed record StaffSettings(
    [property: Id(0)] ValueList<CredentialType> CredentialTypes,
    [property: Id(1)] ValueList<TrainingType> TrainingTypes,
    [property: Id(2)] ValueList<int> LeadDays)
{
    public const string HipaaTraining = "hipaa";

    public static StaffSettings Default { get; } = new(
        [
            new("pt-licence", "State PT licence", true),
            new("pta-licence", "State PTA licence", true),
            new("npi", "NPI", false),
            new("cpr-bls", "CPR/BLS", false),
        ],
        [new(HipaaTraining, "HIPAA (annual)", 12), new("osha", "OSHA (annual)", 12)],
        [60, 30, 0]);

    public CredentialType? FindCredentialType(string code) => CredentialTypes.FirstOrDefault(t => t.Code == code);

    public TrainingType? FindTrainingType(string code) => TrainingTypes.FirstOrDefault(t => t.Code == code);
}
