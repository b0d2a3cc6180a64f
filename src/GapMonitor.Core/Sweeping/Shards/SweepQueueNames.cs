namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>The sweep queue's name and its poison queue's, as the Functions host names it (<c>{queue}-poison</c>).</summary>
public static class SweepQueueNames
{
    public const string Default = "sweep-shards";

    /// <summary>After this many dequeues a message that still fails goes to the poison queue (host.json <c>maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    public static string PoisonOf(string queue) => queue + "-poison";

    /// <summary>
    /// The queue trigger's connection: an app setting holding a connection string, or the prefix of
    /// <c>GapMonitorStorage__queueServiceUri</c> (+ <c>__credential</c>, <c>__clientId</c>). Flat, with no <c>:</c>: the
    /// Functions scale controller reads app settings by their flat names and does not resolve configuration sections.
    /// </summary>
    public const string ConnectionSetting = "GapMonitorStorage";

    /// <summary>The app setting naming the sweep queue, flat for the same reason (alias of <c>GapMonitor:Storage:SweepQueue</c>).</summary>
    public const string QueueSetting = "GapMonitorSweepQueue";
}
