namespace PtHub.Web.Endpoints;

public sealed record SignInBody(string? UserName, string? Password);
