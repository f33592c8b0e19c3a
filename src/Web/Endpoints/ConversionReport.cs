namespace PtHub.Web.Endpoints;

/// <summary>Referral conversion over the referrals received from <see cref="From"/> through <see cref="To"/> (docs/figures.md, "Referrals").</summary>
public sealed record ConversionReport(DateOnly From, DateOnly To, int WithinDays, ConversionRow Total, IReadOnlyList<ConversionRow> BySource, IReadOnlyList<ConversionRow> ByProvider);
