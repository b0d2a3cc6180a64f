namespace GapMonitor.Core.Status;

/// <summary>One continuity practice that handover puts at risk, as the scorecard reads it now.</summary>
/// <param name="Name">One of <see cref="Practices"/>.</param>
/// <param name="State"><c>ok</c>, <c>at-risk</c>, <c>gap</c>, <c>pending</c> or <c>unknown</c>.</param>
public sealed record Practice(string Name, string State, string Detail);

/// <summary>An open or acknowledged alert read as a gap in a practice.</summary>
public sealed record Gap(string Kind, string Practice, string Summary, DateTimeOffset OpenedAt);

/// <summary>The names of the practices, as clients see them.</summary>
public static class Practices
{
    public const string RunTimeMonitoring = "run-time monitoring";
    public const string ContinuousDeployment = "continuous deployment";
    public const string ContinuousEvolution = "continuous evolution";
    public const string ContinuousTrust = "continuous trust";
    public const string ContinuousUse = "continuous use";
}
