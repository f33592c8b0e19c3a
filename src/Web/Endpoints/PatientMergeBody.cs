namespace PtHub.Web.Endpoints;

/// <summary>Merge the record <c>duplicateId</c> into the patient of the route (the record kept).</summary>
public sealed record PatientMergeBody(string? DuplicateId);
