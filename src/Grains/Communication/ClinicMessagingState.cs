using PtHub.Grains.Contracts;

namespace PtHub.Grains.Communication;

[GenerateSerializer, Alias("PtHub.ClinicMessagingState")]
public sealed class ClinicMessagingState
{
    /// <summary>Null until a manager saves settings: the defaults apply.</summary>
    [Id(0)] public MessagingSettings? Settings { get; set; }
}
