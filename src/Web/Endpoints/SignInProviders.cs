namespace PtHub.Web.Endpoints;

/// <summary>The sign-in page's choices: the identity provider's button text when one is configured.</summary>
public sealed record SignInProviders(string? IdentityProvider);
