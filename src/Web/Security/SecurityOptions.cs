using System.ComponentModel.DataAnnotations;

namespace PtHub.Web.Security;

/// <summary>Sign-in and session settings, section "PtHub:Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "PtHub:Security";

    /// <summary>A session ends after this many minutes without a user action; live screens and background refreshes do not count.</summary>
    [Range(1, 24 * 60)]
    public int SessionIdleMinutes { get; set; } = 15;

    /// <summary>A session ends this many hours after sign-in, however active.</summary>
    [Range(1, 7 * 24)]
    public int SessionMaxHours { get; set; } = 12;

    /// <summary>How often (seconds) a session re-reads its account, so a disabled account or changed role takes effect.</summary>
    [Range(0, 3600)]
    public int AccountRecheckSeconds { get; set; } = 30;

    /// <summary>
    /// Failed sign-ins of one account from one address before that address must wait <see cref="LockoutMinutes"/> (doubling
    /// with each further failure) to try that account again; and wrong current passwords in a password change before
    /// the account itself locks for <see cref="LockoutMinutes"/>.
    /// </summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins from one address, over all accounts, within <see cref="LockoutMinutes"/> before that address is refused.</summary>
    [Range(1, 100_000)]
    public int SignInFailuresPerAddress { get; set; } = 30;

    /// <summary>The first administrator's user name, created when no account exists.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9._@-]{1,64}$")]
    public string AdminUserName { get; set; } = "admin";

    /// <summary>
    /// The first administrator's password, from the environment or a secret store (PtHub__Security__AdminPassword).
    /// Unset: a random one is generated and shown once in the log.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// A PKCS #12 (.pfx) certificate with its private key that encrypts the data-protection key ring at rest (the keys
    /// that sign session cookies and protect display tokens), so a copy of the database does not give them away. The
    /// same certificate on every node; keep it outside the database (a secret store, or a file readable by PtHub only).
    /// Unset: the key ring is stored unencrypted and only the database's own protection covers it.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>, if it has one (PtHub__Security__KeyCertificatePassword).</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>Sign-in through the clinic's identity provider (OpenID Connect); off unless an authority is set.</summary>
    public OidcOptions Oidc { get; set; } = new();
}
