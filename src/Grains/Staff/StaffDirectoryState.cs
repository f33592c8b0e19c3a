namespace PtHub.Grains.Staff;

[GenerateSerializer, Alias("PtHub.StaffDirectoryState")]
public sealed class StaffDirectoryState
{
    [Id(0)] public List<string> UserIds { get; set; } = [];
}
