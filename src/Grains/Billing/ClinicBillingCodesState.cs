using PtHub.Grains.Contracts;

namespace PtHub.Grains.Billing;

[GenerateSerializer, Alias("PtHub.ClinicBillingCodesState")]
public sealed class ClinicBillingCodesState
{
    [Id(0)] public List<BillingCode> Codes { get; set; } = [];
}
