namespace PtHub.Web.Endpoints;

/// <summary>A row marked done and kept off its list (<see cref="List"/>, the list's property name) while its condition stands.</summary>
internal sealed record WorklistDoneRow(string List, WorklistRow Row, string DoneBy, DateTimeOffset DoneAt);
