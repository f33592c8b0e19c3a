namespace PtHub.Web.Endpoints;

/// <summary>One patient to act on: what is due (<see cref="Detail"/>, in words) and where their profile is.</summary>
internal sealed record WorklistRow(string PatientId, string PatientName, string Detail, string Profile);
