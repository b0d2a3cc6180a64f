namespace GapMonitor.Web.Drift;

/// <summary>A text label placed in a chart's view box.</summary>
/// <param name="X">Anchor x.</param>
/// <param name="Y">Baseline y.</param>
/// <param name="Text">The text.</param>
/// <param name="Anchor">The SVG text-anchor: start, middle or end.</param>
public sealed record ChartLabel(double X, double Y, string Text, string Anchor);
