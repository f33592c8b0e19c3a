using PtHub.Grains.Contracts;

namespace PtHub.Web.Security;

/// <summary>The patients a live view names, for the audit entry of whoever reads it (REST or hub).</summary>
internal static class Disclosed
{
    /// <summary>Every visit's patient, and the waitlist candidates offered for the openings, and who accepted an opening's offer.</summary>
    public static IEnumerable<string> PatientsOf(BoardView board) =>
        board.Rows.Select(r => r.PatientId).Concat(CandidatesOf(board.Openings));

    public static IEnumerable<string> PatientsOf(ScheduleView schedule) =>
        schedule.Entries.Select(e => e.PatientId).Concat(CandidatesOf(schedule.Openings));

    private static IEnumerable<string> CandidatesOf(IEnumerable<BoardOpening>? openings) =>
        (openings ?? []).SelectMany(o => o.Candidates.Select(c => c.PatientId)
            .Concat(o.Offer?.AcceptedPatientId is { } accepted ? [accepted] : []));
}
