namespace GapMonitor.Api.Scheduling;

/// <summary>
/// The timers both hosts run, each read from an app setting: the Functions host resolves <c>%Setting%</c> in its
/// Timer triggers, the standalone host reads the same setting. Names and keys are written here only.
/// </summary>
public static class Schedules
{
    public const string SweepTimer = "SweepTimer";
    public const string DeliveryTimer = "DeliveryTimer";
    public const string PullTimer = "PullTimer";

    public const string SweepSetting = GapMonitorOptions.Section + ":" + nameof(GapMonitorOptions.SweepSchedule);
    public const string DeliverySetting = GapMonitorOptions.Section + ":" + nameof(GapMonitorOptions.DeliverySchedule);
    public const string PullSetting = GapMonitorOptions.Section + ":" + nameof(GapMonitorOptions.PullSchedule);

    /// <summary>The schedule of a Functions Timer trigger: the setting, resolved by the Functions host.</summary>
    public const string SweepTrigger = "%" + SweepSetting + "%";
    public const string DeliveryTrigger = "%" + DeliverySetting + "%";
    public const string PullTrigger = "%" + PullSetting + "%";

    /// <summary>Timer name → setting that holds its NCRONTAB schedule.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SweepTimer] = SweepSetting,
        [DeliveryTimer] = DeliverySetting,
        [PullTimer] = PullSetting,
    };
}
