using System.Net;
using Microsoft.Extensions.Options;

namespace PtHub.Web.Hardening;

/// <summary>Refuses to start with a trusted proxy that is neither an IP address nor a CIDR network.</summary>
internal sealed class HardeningOptionsValidator : IValidateOptions<HardeningOptions>
{
    public ValidateOptionsResult Validate(string? name, HardeningOptions options)
    {
        var wrong = options.TrustedProxies.Where(p => !IsAddressOrNetwork(p)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{HardeningOptions.Section}:TrustedProxies must list IP addresses or CIDR networks; not: {string.Join(", ", wrong)}.");
    }

    public static bool IsAddressOrNetwork(string value) =>
        value.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(value.Trim(), out _) : IPAddress.TryParse(value.Trim(), out _);
}
