namespace PtHub.Grains.Billing;

/// <summary>
/// The procedure codes PtHub knows. Kept as one table so adding a code is a one-line data change;
/// anything not listed is refused rather than guessed at, since a wrong timed/untimed flag bills wrongly.
/// </summary>
public static class ProcedureCatalog
{
    private static readonly ProcedureCode[] Codes =
    [
        new("97110", true, "Therapeutic exercise for strength, motion or endurance"),
        new("97112", true, "Neuromuscular re-education: balance, coordination, body awareness"),
        new("97113", true, "Exercise in a therapy pool"),
        new("97116", true, "Gait training, including stairs"),
        new("97124", true, "Therapeutic massage"),
        new("97140", true, "Hands-on manual therapy: mobilization, manipulation, soft tissue work"),
        new("97530", true, "Functional, dynamic therapeutic activities"),
        new("97535", true, "Training in self-care and home management"),
        new("97542", true, "Wheelchair management and propulsion training"),
        new("97750", true, "Measured test of physical performance"),
        new("97760", true, "Orthotic fitting and training"),
        new("97761", true, "Prosthetic training"),
        new("97763", true, "Follow-up orthotic or prosthetic management"),
        new("97032", true, "Electrical stimulation with the clinician present throughout"),
        new("97033", true, "Iontophoresis: medication delivered by electric current"),
        new("97034", true, "Contrast baths"),
        new("97035", true, "Therapeutic ultrasound"),
        new("97036", true, "Full-body immersion tank"),
        new("97161", false, "Initial PT evaluation, low complexity", Evaluation: true),
        new("97162", false, "Initial PT evaluation, moderate complexity", Evaluation: true),
        new("97163", false, "Initial PT evaluation, high complexity", Evaluation: true),
        new("97164", false, "PT re-evaluation", Evaluation: true),
        new("97010", false, "Hot or cold pack"),
        new("97012", false, "Mechanical traction"),
        new("97014", false, "Electrical stimulation without constant attendance"),
        new("G0283", false, "Electrical stimulation without constant attendance (Medicare code)"),
        new("97016", false, "Vasopneumatic compression device"),
        new("97018", false, "Paraffin bath"),
        new("97022", false, "Whirlpool"),
        new("97024", false, "Diathermy"),
        new("97026", false, "Infrared heat"),
        new("97028", false, "Ultraviolet light"),
        new("97150", false, "Group therapy, two or more patients"),
    ];

    // Case-insensitive so "g0283" typed at the desk finds the code; the catalogue's spelling is what gets billed.
    private static readonly Dictionary<string, ProcedureCode> ByCode = Codes.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<ProcedureCode> All { get; } = Array.AsReadOnly(Codes);

    /// <summary>The built-in catalogue as a clinic's code list shows it (all physical therapy).</summary>
    public static IEnumerable<Contracts.BillingCode> AsBillingCodes() =>
        Codes.Select(c => new Contracts.BillingCode(c.Code, c.Timed, c.Evaluation, c.Descriptor, "PT", BuiltIn: true));

    public static ProcedureCode? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var found) ? found : null;
}
