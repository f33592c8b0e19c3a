namespace PtHub.Grains.Contracts;

/// <summary>
/// A patient's contact preferences (channel, opt-out), apart from <see cref="IPatientGrain"/>'s record: they are read
/// by the outbox on every send and changed by the patient's own answers (STOP), not by the desk's edits. Key: the patient id.
/// </summary>
[Alias("PtHub.IPatientMessagingGrain")]
public interface IPatientMessagingGrain : IGrainWithStringKey
{
    [Alias("GetPreferences"), AlwaysInterleave]
    Task<ContactPreferences> GetPreferences();

    [Alias("SetPreferences")]
    Task<ContactPreferences> SetPreferences(ContactPreferences preferences);
}
