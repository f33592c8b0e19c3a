using System.ComponentModel.DataAnnotations;

namespace PtHub.Silo.Messaging;

/// <summary>"PtHub:Communication:Links": the patient links in reminders (confirm, cancel, reschedule).</summary>
public sealed class LinkOptions
{
    /// <summary>
    /// The address patients reach PtHub at (e.g. https://pt.example.com); a reminder carries its link only when it is
    /// set, since a link to an address the patient cannot open helps nobody.
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The master key that signs links, base64 of at least 32 bytes, from the environment. Without it a random key is
    /// made once and kept in storage (<c>ILinkSigningKeyGrain</c>), shared by every node.
    /// </summary>
    [MinLength(44)]
    public string? SigningKey { get; set; }
}
