namespace PtHub.Web.Endpoints;

public sealed record DisplayPairBody(string? Name);
