namespace GapMonitor.Api.Contracts;

/// <summary>One late label: the correlation id of a prediction and its true class or value (a string, number or boolean).</summary>
public sealed record LabelRequest(string CorrelationId, object Target);
