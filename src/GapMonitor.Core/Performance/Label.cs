namespace GapMonitor.Core.Performance;

/// <summary>A late ground truth: the true class or value of the row with <paramref name="CorrelationId"/>, as <see cref="LabelText"/> writes it.</summary>
public sealed record Label(string CorrelationId, string Target);
