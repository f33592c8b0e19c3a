namespace PtHub.Web.Security;

/// <summary>
/// Marks an endpoint that reads or changes patient information (or changes who may): each call that gets through
/// is written to the audit log under <see cref="Action"/>, and each refused attempt too. <see cref="SystemChain"/>
/// records to the system chain instead of the clinic's (reading the audit log: recording it in the log being read
/// would change what the next reader sees).
/// </summary>
public sealed record AuditedAction(string Action, bool SystemChain = false);

public static class AuditedActionExtensions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, bool systemChain = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action, systemChain));
}
