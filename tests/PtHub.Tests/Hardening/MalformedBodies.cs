using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PtHub.Tests.Hardening;

/// <summary>
/// Request bodies a command must refuse, generated from a fixed seed and from the shape of the command's body type
/// (its JSON properties as the node's own serializer options see them), so new endpoints and fields are covered.
/// </summary>
public sealed class MalformedBodies(JsonSerializerOptions json, int seed, long maxBodyBytes)
{
    private readonly Random _random = new(seed);

    /// <summary>
    /// Bodies that cannot be read as <paramref name="bodyType"/> at all, or hold a list with a null entry: they go to every
    /// command, including those whose body is optional (an absent or empty one is a valid command there) and those that
    /// take none.
    /// </summary>
    public IEnumerable<MalformedBody> Refused(Type? bodyType)
    {
        var template = Template(bodyType);
        for (var i = 0; i < 8; i++)
        {
            var bytes = new byte[_random.Next(1, 2048)];
            _random.NextBytes(bytes);
            yield return new MalformedBody("random bytes", bytes);
        }

        for (var i = 0; i < 5; i++)
        {
            yield return MalformedBody.Text("truncated JSON", template[.._random.Next(1, template.Length)]);
        }

        foreach (var root in new[] { "[]", "[{}]", $"[{template}]", "42", "-1e999", "\"a|b\\u0001\"", "true", "\"\"", "{{}}", "{\"a\" 1}", "{,}", "'single'" })
        {
            yield return MalformedBody.Text("not an object", root);
        }

        foreach (var depth in new[] { 65, 1000, _random.Next(100, 20_000) })
        {
            yield return MalformedBody.Text($"arrays nested {depth} deep", new string('[', depth) + new string(']', depth));
        }

        yield return MalformedBody.Text("objects nested 200 deep", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));

        var text = Properties(bodyType).Where(p => Underlying(p.PropertyType) == typeof(string)).Select(p => p.Name).ToList();
        var name = text.Count > 0 ? text[_random.Next(text.Count)] : "value";
        yield return MalformedBody.Text("raw control character in a string", $"{{\"{name}\":\"a|b\u0001c\"}}");
        yield return MalformedBody.Text("raw line break in a string", $"{{\"{name}\":\"first\nsecond\"}}");
        yield return new MalformedBody("invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes($"{{\"{name}\":\"a"), 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        yield return new MalformedBody("UTF-16 instead of UTF-8", Encoding.Unicode.GetBytes(template));

        foreach (var contentType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "text/html", null })
        {
            yield return MalformedBody.Text("wrong content type", template, contentType);
        }

        yield return MalformedBody.Text("over the size limit", "{\"a\":\"" + new string('x', (int)maxBodyBytes) + "\"}");

        foreach (var property in Properties(bodyType))
        {
            foreach (var wrong in WrongValues(property.PropertyType, 0))
            {
                yield return MalformedBody.Text($"{property.Name} of the wrong type", $"{{\"{property.Name}\":{wrong}}}");
            }

            if (ElementType(Underlying(property.PropertyType)) is not null)
            {
                yield return MalformedBody.Text($"{property.Name} with a null entry", $"{{\"{property.Name}\":[{Plausible(ElementType(Underlying(property.PropertyType))!)},null]}}");
            }
        }
    }

    /// <summary>
    /// Bodies that can be read but are no command: nothing, null, an empty object, or one field alone at an extreme
    /// value. Only for commands whose body is required.
    /// </summary>
    public IEnumerable<MalformedBody> Incomplete(Type bodyType)
    {
        yield return new MalformedBody("empty", []);
        yield return MalformedBody.Text("null", "null");
        yield return MalformedBody.Text("empty object", "{}");
        var properties = Properties(bodyType);
        yield return MalformedBody.Text("every field null", "{" + string.Join(",", properties.Select(p => $"\"{p.Name}\":null")) + "}");
        foreach (var property in properties)
        {
            foreach (var extreme in Extremes(property.PropertyType, 0))
            {
                yield return MalformedBody.Text($"{property.Name} alone, extreme", $"{{\"{property.Name}\":{extreme}}}");
            }
        }
    }

    private IReadOnlyList<JsonPropertyInfo> Properties(Type? type) =>
        type is null || json.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info ? [] : [.. info.Properties];

    /// <summary>A plausible body of the type, to truncate or to send with the wrong content type.</summary>
    private string Template(Type? type)
    {
        var fields = Properties(type).Select(p => $"\"{p.Name}\":{Plausible(p.PropertyType)}").ToList();
        return "{" + string.Join(",", fields.Count > 0 ? fields : ["\"value\":1"]) + "}";
    }

    private string Plausible(Type type)
    {
        var t = Underlying(type);
        return t == typeof(string) ? "\"room-1\""
            : t == typeof(bool) ? "true"
            : t.IsEnum ? JsonSerializer.Serialize(Enum.GetValues(t).GetValue(0), t, json)
            : IsNumber(t) ? "1"
            : t == typeof(Guid) ? "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\""
            : t == typeof(DateTimeOffset) || t == typeof(DateTime) ? "\"2026-03-02T10:00:00Z\""
            : t == typeof(DateOnly) ? "\"2026-03-02\""
            : t == typeof(TimeOnly) ? "\"10:00:00\""
            : ElementType(t) is not null ? "[]"
            : "{}";
    }

    /// <summary>JSON values that no reader of <paramref name="type"/> may accept.</summary>
    private IEnumerable<string> WrongValues(Type type, int depth)
    {
        var t = Underlying(type);
        var values = new List<string>();
        if (t.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            values.Add("null");
        }

        if (t == typeof(string))
        {
            values.AddRange(["12", "true", "{}", "[\"a|b\"]", "-0.5e3"]);
        }
        else if (t == typeof(bool))
        {
            values.AddRange(["\"yes|no\"", "1", "{}"]);
        }
        else if (t.IsEnum)
        {
            values.AddRange(["1", "-1", "2147483648", "\"1\"", "\"no-such|value\\u0001\"", "\"\"", "[]", "true"]);
        }
        else if (IsNumber(t))
        {
            values.AddRange(["\"12|3\"", "true", "{}", "[]", "\"\\u0000\"", "\"\""]);
            if (t != typeof(double) && t != typeof(float))
            {
                values.AddRange(["99999999999999999999999999999999", "1e400", "-1e400"]);
            }

            if (t != typeof(decimal) && t != typeof(double) && t != typeof(float))
            {
                values.AddRange(["1.5", "2147483648", "-9223372036854775809"]);
            }
        }
        else if (t == typeof(Guid))
        {
            values.AddRange(["\"not-a-guid|\\u0007\"", "5", "\"00000000-0000-0000-0000-00000000000G\"", "{}", "\"\""]);
        }
        else if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            values.AddRange(["\"2026-13-45T10:00:00Z\"", "\"+275760-09-13T00:00:00Z\"", "\"2026-01-01T25:61:00Z\"", "\"0000-00-00T00:00:00Z\"",
                "20260101", "\"tomorrow|\\u0007\"", "\"\"", "\"2026-01-01T10:00:00+25:00\""]);
        }
        else if (t == typeof(DateOnly))
        {
            values.AddRange(["\"2026-02-30\"", "\"10000-01-01\"", "\"0000-00-00\"", "19700101", "\"2026-01-01T00:00:00\"", "\"\"", "\"-0001-01-01\""]);
        }
        else if (t == typeof(TimeOnly))
        {
            values.AddRange(["\"25:00:00\"", "\"12:60:00\"", "1200", "\"noon|\"", "\"\"", "\"-01:00:00\""]);
        }
        else if (ElementType(t) is { } element)
        {
            values.AddRange(["\"a|b\"", "5", "{}", "true"]);
            if (depth < 2)
            {
                values.AddRange(WrongValues(element, depth + 1).Take(4).Select(w => $"[{w}]"));
            }
        }
        else
        {
            values.AddRange(["\"a|b\"", "5", "[]", "true"]);
            var inner = Properties(t);
            if (depth < 2 && inner.Count > 0)
            {
                foreach (var property in Pick(inner, 2))
                {
                    values.AddRange(WrongValues(property.PropertyType, depth + 1).Take(3).Select(w => $"{{\"{property.Name}\":{w}}}"));
                }
            }
        }

        return values;
    }

    /// <summary>Values of the right JSON kind at the edges of their type, or hostile text.</summary>
    private IEnumerable<string> Extremes(Type type, int depth)
    {
        var t = Underlying(type);
        if (t == typeof(string))
        {
            return ["\"a|b\"", "\"\\u0000\\u0001\\u001f|\"", "\"\\u202e\\ufeff\"", "\"   \"", "\"\"", $"\"{new string('x', 5000)}\"",
                "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"=cmd|' /C calc'!A0\"", "\"\\ud800\""];
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return ["-1", "-2147483648", "2147483647"];
        }

        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
        {
            return ["-1", "-79228162514264337593543950335", "79228162514264337593543950335", "0.0000000000000000000000000001"];
        }

        if (t == typeof(Guid))
        {
            return ["\"00000000-0000-0000-0000-000000000000\""];
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return ["\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999Z\""];
        }

        if (t == typeof(DateOnly))
        {
            return ["\"0001-01-01\"", "\"9999-12-31\""];
        }

        if (t == typeof(TimeOnly))
        {
            return ["\"00:00:00\"", "\"23:59:59.9999999\""];
        }

        if (ElementType(t) is { } element)
        {
            var values = new List<string> { "[]", "[null]", "[" + string.Join(",", Enumerable.Repeat("null", 2000)) + "]" };
            if (depth < 2)
            {
                values.AddRange(Extremes(element, depth + 1).Take(3).Select(e => $"[{e}]"));
            }

            return values;
        }

        if (t == typeof(bool) || t.IsEnum || IsNumber(t))
        {
            return [];
        }

        var objects = new List<string> { "{}" };
        if (depth < 2)
        {
            foreach (var property in Pick(Properties(t), 2))
            {
                objects.AddRange(Extremes(property.PropertyType, depth + 1).Take(3).Select(e => $"{{\"{property.Name}\":{e}}}"));
            }
        }

        return objects;
    }

    private IEnumerable<JsonPropertyInfo> Pick(IReadOnlyList<JsonPropertyInfo> properties, int count) =>
        properties.OrderBy(_ => _random.Next()).Take(count).ToList();

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsNumber(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(decimal) || t == typeof(double) || t == typeof(float);

    private static Type? ElementType(Type t) =>
        t == typeof(string) ? null
        : t.IsArray ? t.GetElementType()
        : (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? t : t.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0];
}
