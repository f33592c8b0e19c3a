namespace PtHub.Silo;

/// <summary>The "PtHub:Activations" section: how long idle grains stay in a node's memory.</summary>
public sealed class ActivationOptions
{
    public const string Section = "PtHub:Activations";

    /// <summary>
    /// Idle time after which an activation of a <see cref="Grains.ShortLivedGrains"/> class (visits, patients, rooms,
    /// therapists, a day's booking side) is collected. Each closed visit then costs only what its day's views hold.
    /// </summary>
    public TimeSpan ShortLivedIdle { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Idle time after which any other activation is collected (Orleans' CollectionAge).</summary>
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the node looks for idle activations (Orleans' CollectionQuantum).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);
}
