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
    /// <summary>The most a copay can be, as on the coverage form.</summary>
    public const decimal MaxCopay = 10000m;

    public IReadOnlyDictionary<string, string[]> Validate(VisitAction action)
    {
        var errors = new Dictionary<string, string[]>();
        if (action == VisitAction.CollectCopay)
        {
            // Refused here, before the visit is called, so a bad amount changes nothing and says what is wrong.
            if (Amount is not { } amount)
            {
                errors["amount"] = ["amount is required: what was taken, in dollars (0 when waived)."];
            }
            else if (amount is < 0 or > MaxCopay)
            {
                errors["amount"] = [$"amount must be between 0 and {MaxCopay:0} dollars (was {amount})."];
            }
            else if (decimal.Round(amount, 2) != amount)
            {
                errors["amount"] = [$"amount has at most 2 decimals, whole cents (was {amount})."];
            }
        }

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
