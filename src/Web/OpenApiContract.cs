using Microsoft.OpenApi;
using PtHub.Grains.Contracts;
using PtHub.Web.Hubs;

namespace PtHub.Web;

/// <summary>
/// The OpenAPI document as the contract of every shape PtHub sends, REST and live alike: the screens' TypeScript types
/// are generated from it (src/Web/ClientApp/openapi.json, see its README section), so it must say exactly what the
/// JSON is.
/// </summary>
internal static class OpenApiContract
{
    /// <summary>
    /// What the live protocol pushes and answers (<see cref="IDashboardClient"/>, <see cref="DashboardHub"/>): no REST
    /// endpoint returns most of them, so they are added to the document's schemas by name.
    /// </summary>
    private static readonly Type[] LiveMessages =
    [
        typeof(BoardView), typeof(BoardDelta), typeof(LobbyView), typeof(ManagerView), typeof(ScheduleView), typeof(ScheduleDelta),
        typeof(TherapistDayView), typeof(TherapistDayDelta), typeof(DashboardView),
    ];

    public static IServiceCollection AddPtHubOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddSchemaTransformer(async (schema, context, ct) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
            {
                // Written by ValueListJsonConverter as a plain JSON array, which the schema exporter cannot see through.
                schema.Type = JsonSchemaType.Array;
                schema.Items = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], cancellationToken: ct);
            }

            // The web defaults also read numbers from strings; what PtHub writes is always a number.
            if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)))
            {
                schema.Type = kind & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
        });
        options.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            foreach (var message in LiveMessages)
            {
                var schema = await context.GetOrCreateSchemaAsync(message, cancellationToken: ct);
                document.Components.Schemas.TryAdd(message.Name, schema);
            }
        });
    });
}
