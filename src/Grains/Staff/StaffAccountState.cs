using PtHub.Grains.Contracts;

namespace PtHub.Grains.Staff;

[GenerateSerializer, Alias("PtHub.StaffAccountState")]
public sealed class StaffAccountState
{
    [Id(0)] public StaffAccount? Account { get; set; }

    /// <summary>Failed sign-ins per source since each source's last success (pruned after a day without one).</summary>
    [Id(1)] public List<SignInFailures> Failures { get; set; } = [];
}
