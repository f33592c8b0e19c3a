using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

[GenerateSerializer, Alias("PtHub.ClinicStaffState")]
public sealed class ClinicStaffState
{
    [Id(0)] public List<StaffMember> Roster { get; set; } = [];

    /// <summary>Null until a manager changes them: the defaults then apply.</summary>
    [Id(1)] public StaffSettings? Settings { get; set; }
}
