using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<PaymentMethod>))]
public enum PaymentMethod
{
    [JsonStringEnumMemberName("cash")] Cash,
    [JsonStringEnumMemberName("card")] Card,
    [JsonStringEnumMemberName("check")] Check,
    [JsonStringEnumMemberName("waived")] Waived,
}
