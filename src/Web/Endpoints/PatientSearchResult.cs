using PtHub.Grains.Contracts;

namespace PtHub.Web.Endpoints;

/// <summary>What the search understood the text as (name, birth-date or phone) and the best matches, best first.</summary>
public sealed record PatientSearchResult(PatientSearchKind Kind, IReadOnlyList<PatientMatch> Matches);
