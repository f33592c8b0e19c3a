namespace PtHub.Web.Endpoints;

/// <summary>Marks one worklist row done: its <see cref="WorklistRow.Key"/>.</summary>
internal sealed record WorklistDoneBody(string? RowKey);
