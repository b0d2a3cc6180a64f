namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>The sweep queue's name and its poison queue's, as the Functions host names it (<c>{queue}-poison</c>).</summary>
public static class SweepQueueNames
{
    public const string Default = "sweep-shards";

    /// <summary>After this many dequeues a message that still fails goes to the poison queue (host.json <c>maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    public static string PoisonOf(string queue) => queue + "-poison";
}
