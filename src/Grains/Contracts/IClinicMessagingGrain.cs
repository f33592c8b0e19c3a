namespace PtHub.Grains.Contracts;

/// <summary>A clinic's patient-messaging settings (lead times, quiet hours, templates). Key: the clinic id.</summary>
[Alias("PtHub.IClinicMessagingGrain")]
public interface IClinicMessagingGrain : IGrainWithStringKey
{
    /// <summary>The clinic's settings, or <see cref="MessagingSettings.Default"/> until a manager changes them. Interleaves: it only reads.</summary>
    [Alias("GetSettings"), AlwaysInterleave]
    Task<MessagingSettings> GetSettings();

    [Alias("SetSettings")]
    Task SetSettings(MessagingSettings settings);
}
