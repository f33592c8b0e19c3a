using System.Text.Json.Serialization;

namespace PtHub.Grains.Billing;

/// <summary>How a payer turns minutes into units; a property of the payer, not of the clinic.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BillingMethod>))]
public enum BillingMethod
{
    /// <summary>The CMS 8-minute rule: the day's timed minutes are pooled, then the units are shared out by code.</summary>
    [JsonStringEnumMemberName("cms")] Cms,

    /// <summary>The "rule of eights" many commercial payers use: every timed code is rounded on its own.</summary>
    [JsonStringEnumMemberName("per_code")] PerCode,
}
