using System.Reflection;
using System.Text.Json.Serialization;

namespace PtHub.Grains.Contracts;

public static class CodeExtensions
{
    /// <summary>The wire code of an enum value (its JSON name), e.g. "checked-in".</summary>
    public static string ToCode<T>(this T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? value.ToString();
}
