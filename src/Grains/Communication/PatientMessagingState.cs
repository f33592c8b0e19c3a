using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.PatientMessagingState")]
public sealed class PatientMessagingState
{
    [Id(0)] public ContactPreferences Preferences { get; set; } = new();
}
