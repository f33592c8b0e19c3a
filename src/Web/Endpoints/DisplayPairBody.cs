namespace PtHub.Web.Endpoints;

public sealed record DisplayPairBody(string? Name)
{
    /// <summary>A name people read in the administration list: plain text, no control or direction-changing characters.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 100
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or '\'' or '(' or ')' or '#' or '&');
}
