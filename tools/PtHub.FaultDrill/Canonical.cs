using System.Text;
using System.Text.Json;

namespace PtHub.FaultDrill;

/// <summary>JSON text with object properties in ordinal order, so a row from the hub and one from the REST API compare as text.</summary>
public static class Canonical
{
    public static string Json(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    text.Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Write(property.Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        text.Append(',');
                    }

                    Write(item, text);
                }

                text.Append(']');
                break;
            default:
                text.Append(element.GetRawText());
                break;
        }
    }
}
