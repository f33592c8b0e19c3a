namespace PtHub.Web.Endpoints;

/// <summary>What the unsubscribe page says afterwards: which clinic will send nothing more.</summary>
public sealed record OptOutView(string ClinicName, bool OptedOut);
