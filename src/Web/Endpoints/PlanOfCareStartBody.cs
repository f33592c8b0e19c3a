namespace PtHub.Web.Endpoints;

public sealed record PlanOfCareStartBody(DateOnly? Start);
