namespace PtHub.Web.Security;

/// <summary>
/// Marks an endpoint that reads or changes patient information (or changes who may): each call that gets through
/// is written to the audit log under <see cref="Action"/>, and each refused attempt too. <see cref="SystemChain"/>
/// records to the system chain instead of the clinic's (reading the audit log: recording it in the log being read
/// would change what the next reader sees). <see cref="Moment"/> says when the entry is written.
/// </summary>
public sealed record AuditedAction(string Action, bool SystemChain = false, AuditMoment Moment = AuditMoment.ByMethod);

/// <summary>When an endpoint's audit entry is written, so that no change ever stands unaudited.</summary>
public enum AuditMoment
{
    /// <summary>
    /// By the HTTP method: a read (GET) once its answer is known, so the entry can name the patients it disclosed; a
    /// change before the handler runs, naming the patient of the route or the body, so a change whose entry cannot
    /// be written never happens.
    /// </summary>
    ByMethod,

    /// <summary>A read sent as a POST (a link's token in the body): written once the answer is known, as a GET.</summary>
    AfterAnswer,

    /// <summary>
    /// A change whose patient only the endpoint learns (a new registration, a link's token, a visit or waitlist entry
    /// by id): the endpoint writes the entry itself once it knows the patient and before anything changes, with
    /// <c>AuditTrail.BeforeChangeAsync</c> or by handing it to the grain that makes the change.
    /// </summary>
    ByEndpoint,
}

public static class AuditedActionExtensions
{
    public static TBuilder Audited<TBuilder>(
        this TBuilder builder, string action, bool systemChain = false, AuditMoment moment = AuditMoment.ByMethod)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action, systemChain, moment));
}
