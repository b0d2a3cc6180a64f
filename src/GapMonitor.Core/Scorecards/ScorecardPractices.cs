namespace GapMonitor.Core.Scorecards;

/// <summary>The continuous software engineering practices the scorecard measures (API.md, "Fleet and continuity scorecard").</summary>
public static class ScorecardPractices
{
    public const string Monitoring = "continuous-monitoring";
    public const string Deployment = "continuous-deployment";
    public const string Validation = "continuous-validation";
    public const string Ownership = "continuous-ownership";
    public const string Response = "continuous-response";
    public const string Alerting = "continuous-alerting";

    public static IReadOnlyList<string> All { get; } = [Monitoring, Deployment, Validation, Ownership, Response, Alerting];
}
