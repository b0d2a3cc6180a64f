namespace GapMonitor.Core.Status;

/// <summary>One continuity practice that handover puts at risk, as the scorecard reads it now.</summary>
/// <param name="Name">One of <see cref="Practices"/>.</param>
/// <param name="State"><c>ok</c>, <c>at-risk</c>, <c>gap</c>, <c>pending</c> or <c>unknown</c>.</param>
public sealed record Practice(string Name, string State, string Detail);
