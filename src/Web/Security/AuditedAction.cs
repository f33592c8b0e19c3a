namespace PtHub.Web.Security;

/// <summary>
/// Marks an endpoint that reads or changes patient information (or changes who may): each call that gets through
/// is written to the audit log under <see cref="Action"/>, and each refused attempt too.
/// </summary>
public sealed record AuditedAction(string Action);

public static class AuditedActionExtensions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action));
}
