using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>
/// The optional body of a visit command. Send a <c>commandId</c> to make retries safe. <c>services</c> goes with
/// record-services, <c>amount</c> and <c>method</c> with collect-copay.
/// </summary>
public sealed record VisitCommandBody(
    Guid? CommandId,
    string? RoomId,
    string? TherapistId,
    string? Reason,
    IReadOnlyList<ServiceMinutesBody>? Services = null,
    decimal? Amount = null,
    PaymentMethod? Method = null)
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < (Services?.Count ?? 0); i++)
        {
            if (Services![i] is null)
            {
                errors[$"services[{i}]"] = ["A service needs a code and minutes."];
            }
        }

        return errors;
    }
}
