namespace GapMonitor.Core.Status;

/// <summary>The names of the practices, as clients see them.</summary>
public static class Practices
{
    public const string RunTimeMonitoring = "run-time monitoring";
    public const string ContinuousDeployment = "continuous deployment";
    public const string ContinuousEvolution = "continuous evolution";
    public const string ContinuousTrust = "continuous trust";
    public const string ContinuousUse = "continuous use";
}
