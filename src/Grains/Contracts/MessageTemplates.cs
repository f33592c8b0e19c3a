using System.Text;

namespace PtHub.Grains.Contracts;

/// <summary>Renders a template's merge fields; the only fields there are, so a template cannot ask for more.</summary>
public static class MessageTemplates
{
    public const string Clinic = "clinic";
    public const string Date = "date";
    public const string Time = "time";
    public const string Therapist = "therapist";

    public static IReadOnlyList<string> Fields { get; } = [Clinic, Date, Time, Therapist];

    /// <summary>The merge fields a template names that do not exist (empty when it is fine).</summary>
    public static IReadOnlyList<string> UnknownFields(string text)
    {
        var unknown = new List<string>();
        foreach (var field in FieldsIn(text))
        {
            if (!Fields.Contains(field) && !unknown.Contains(field))
            {
                unknown.Add(field);
            }
        }

        return unknown;
    }

    public static string Render(string text, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(data);
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            result.Append(text, at, open - at);
            var name = text[(open + 1)..close];
            result.Append(Fields.Contains(name) && data.TryGetValue(name, out var value) ? value : "");
            at = close + 1;
        }

        return result.ToString();
    }

    private static IEnumerable<string> FieldsIn(string text)
    {
        var at = 0;
        while ((at = text.IndexOf('{', at)) >= 0)
        {
            var close = text.IndexOf('}', at + 1);
            if (close < 0)
            {
                yield break;
            }

            yield return text[(at + 1)..close];
            at = close + 1;
        }
    }
}
