namespace GapMonitor.Api.Scheduling;

/// <summary>
/// The queues both hosts consume: the Functions host's queue triggers resolve <c>%Setting%</c> for the queue name and
/// read the connection from <see cref="Connection"/>; <c>gapmonitor serve --workers N</c> reads the same setting (or
/// <c>GapMonitor:Storage:SweepQueue</c>). Both names are flat app settings, as the Functions scale controller needs them.
/// </summary>
public static class QueueConsumers
{
    public const string SweepShard = "SweepShard";

    public const string SweepQueueSetting = Core.Sweeping.Shards.SweepQueueNames.QueueSetting;

    /// <summary>The queue of a Functions queue trigger: the setting, resolved by the Functions host.</summary>
    public const string SweepQueueTrigger = "%" + SweepQueueSetting + "%";

    /// <summary>The queue triggers' connection: a connection string setting, or the prefix of <c>__queueServiceUri</c>, <c>__credential</c>, <c>__clientId</c>.</summary>
    public const string Connection = Core.Sweeping.Shards.SweepQueueNames.ConnectionSetting;

    /// <summary>Consumer name → setting that holds its queue's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SweepShard] = SweepQueueSetting,
    };
}
