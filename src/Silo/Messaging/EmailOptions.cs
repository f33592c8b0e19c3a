namespace PtHub.Silo.Messaging;

/// <summary>An SMTP server for patient e-mail (MailKit). The password belongs in the environment, never in a file.</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's <c>SecureSocketOptions</c>).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    public string? FromName { get; set; }

    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>How long a connection may sit idle and still be reused; servers commonly drop idle clients after a minute or more.</summary>
    public double IdleSeconds { get; set; } = 30;

    /// <summary>Open connections kept for reuse; the sender's concurrency is the most it can use at once.</summary>
    public int MaxIdleConnections { get; set; } = 8;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
