using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

[GenerateSerializer, Alias("PtHub.StaffAccountState")]
public sealed class StaffAccountState
{
    [Id(0)] public StaffAccount? Account { get; set; }
}
