using NCrontab;

namespace GapMonitor.Api.Scheduling;

/// <summary>The timers both hosts run, each read from an app setting (the Functions host resolves <c>%Setting%</c> in the trigger).</summary>
public static class Schedules
{
    public const string SweepSetting = "GapMonitor:SweepSchedule";
    public const string DeliverySetting = "GapMonitor:DeliverySchedule";
    public const string PullSetting = "GapMonitor:PullSchedule";

    /// <summary>Timer name → setting that holds its NCRONTAB schedule.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SweepTimer"] = SweepSetting,
        ["DeliveryTimer"] = DeliverySetting,
        ["PullTimer"] = PullSetting,
    };

    public static bool IsValid(string? expression) =>
        expression is not null && CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;

    public static CrontabSchedule Parse(string expression) =>
        CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
}
