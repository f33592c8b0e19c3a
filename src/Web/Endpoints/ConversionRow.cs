namespace PtHub.Web.Endpoints;

/// <summary>Referrals of one source or provider, how many converted, and the rate as a whole percentage.</summary>
public sealed record ConversionRow(string Key, string Name, int Referrals, int Converted, int Percent);
