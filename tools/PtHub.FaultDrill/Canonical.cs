using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PtHub.FaultDrill;

/// <summary>JSON text with object properties in ordinal order, so a row from the hub and one from the REST API compare as text.</summary>
public static class Canonical
{
    // Servers escape differently ("+" is \u002B in one and plain in another): strings are re-encoded one way.
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
                    text.Append(JsonSerializer.Serialize(property.Name, Strings)).Append(':');
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
            case JsonValueKind.String:
                text.Append(JsonSerializer.Serialize(element.GetString(), Strings));
                break;
            default:
                text.Append(element.GetRawText());
                break;
        }
    }
}
