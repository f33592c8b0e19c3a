namespace PtHub.Web.Security;

/// <summary>What the very first start has to tell its operator (the administrator's password), for the start-up banner to show last.</summary>
internal sealed class FirstRunNotice
{
    public string? Text { get; set; }
}
