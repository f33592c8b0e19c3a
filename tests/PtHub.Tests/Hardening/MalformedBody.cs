using System.Text;

namespace PtHub.Tests.Hardening;

/// <summary>One request body of the fuzz test: what kind of wrong it is, its bytes and its content type (null: none).</summary>
public sealed record MalformedBody(string Kind, byte[] Content, string? ContentType = MalformedBody.Json)
{
    public const string Json = "application/json";

    public static MalformedBody Text(string kind, string text, string? contentType = Json) => new(kind, Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>The start of the body, printable, for a failure message.</summary>
    public string Preview()
    {
        var text = Encoding.UTF8.GetString(Content, 0, Math.Min(Content.Length, 160));
        var printable = new string([.. text.Select(c => char.IsControl(c) ? '·' : c)]);
        return $"{Kind} [{Content.Length} bytes, {ContentType ?? "no content type"}] {printable}";
    }
}
