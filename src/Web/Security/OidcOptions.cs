namespace PtHub.Web.Security;

/// <summary>
/// Sign-in through an OpenID Connect provider, section "PtHub:Security:Oidc". The provider tells PtHub the role and
/// the clinics in claims of the ID token; a provider user without a PtHub role gets no access.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer, e.g. https://login.example.org/realms/clinic; empty turns OpenID Connect off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or a secret store (PtHub__Security__Oidc__ClientSecret), never from a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim holding the PtHub role: Admin, Manager, FrontDesk or Therapist.</summary>
    public string RoleClaim { get; set; } = "pthub_role";

    /// <summary>The claim (one per clinic, or space separated) holding the clinic ids.</summary>
    public string ClinicClaim { get; set; } = "pthub_clinic";

    /// <summary>The claim holding a therapist's therapist id.</summary>
    public string TherapistClaim { get; set; } = "pthub_therapist";

    /// <summary>Only for a provider on a private test network: allows its metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your organization";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
