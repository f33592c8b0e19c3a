namespace PtHub.Grains.Kpis;

/// <summary>A figure against its target: <see cref="State"/> is on, near, off, or none (no value yet), said in <see cref="Text"/> too.</summary>
public sealed record KpiTargetResult(string Figure, string Label, double? Value, string Target, string State, string Text);
