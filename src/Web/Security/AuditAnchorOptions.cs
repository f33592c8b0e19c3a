using System.ComponentModel.DataAnnotations;
using System.Text;

namespace PtHub.Web.Security;

/// <summary>
/// The "PtHub:Audit" section: anchoring the audit chains' heads. With <see cref="AnchorKey"/> each chain gets a
/// signed anchor entry every <see cref="AnchorMinutes"/>; with <see cref="HeadsFolder"/> the heads are exported there
/// as well, and <c>verify-audit</c> given the same settings finds a chain cut short or rewritten since.
/// </summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "PtHub:Audit";

    /// <summary>The HMAC key that signs heads (at least 32 characters; keep it out of the database and its backups).</summary>
    [MinLength(32)]
    public string? AnchorKey { get; set; }

    /// <summary>Where each round's heads are exported; off the database's disk.</summary>
    public string? HeadsFolder { get; set; }

    [Range(1, 24 * 60)]
    public int AnchorMinutes { get; set; } = 60;

    public byte[]? KeyBytes => AnchorKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public bool Enabled => KeyBytes is not null || !string.IsNullOrWhiteSpace(HeadsFolder);
}
