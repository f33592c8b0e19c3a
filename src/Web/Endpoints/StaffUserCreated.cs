namespace PtHub.Web.Endpoints;

/// <summary>A new account or a reset password: the generated password is shown this once and stored only hashed.</summary>
public sealed record StaffUserCreated(StaffUserView User, string Password);
