namespace PtHub.Web.Endpoints;

public sealed record PasswordChangeBody(string? CurrentPassword, string? NewPassword);
