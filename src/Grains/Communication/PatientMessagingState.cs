using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.PatientMessagingState")]
public sealed class PatientMessagingState
{
    [Id(0)] public ContactPreferences Preferences { get; set; } = new();

    /// <summary>
    /// The patient opted back in and their booked visits' reminders are not yet planned again. Written with the
    /// preference itself, cleared once every visit has planned, so a crash between the two still ends in the reminders.
    /// </summary>
    [Id(1)] public bool RemindersOwed { get; set; }
}
