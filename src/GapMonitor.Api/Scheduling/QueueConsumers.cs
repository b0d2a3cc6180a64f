namespace GapMonitor.Api.Scheduling;

/// <summary>
/// The queues both hosts consume: the Functions host's queue triggers resolve <c>%Setting%</c> for the queue name and
/// read the connection from the <c>GapMonitor:Storage</c> section; <c>gapmonitor serve --workers N</c> reads the same setting.
/// </summary>
public static class QueueConsumers
{
    public const string SweepShard = "SweepShard";

    public const string SweepQueueSetting = "GapMonitor:Storage:SweepQueue";

    /// <summary>The queue of a Functions queue trigger: the setting, resolved by the Functions host.</summary>
    public const string SweepQueueTrigger = "%" + SweepQueueSetting + "%";

    /// <summary>The connection section of the queue triggers (<c>ConnectionString</c>, or <c>queueServiceUri</c> with <c>credential</c>).</summary>
    public const string Connection = "GapMonitor:Storage";

    /// <summary>Consumer name → setting that holds its queue's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SweepShard] = SweepQueueSetting,
    };
}
