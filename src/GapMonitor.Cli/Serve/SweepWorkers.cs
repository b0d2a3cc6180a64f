using GapMonitor.Infrastructure.Queues;

namespace GapMonitor.Cli.Serve;

/// <summary><c>--workers N</c>: N consumers of the sweep queue in this process, each sweeping one shard at a time.</summary>
public sealed class SweepWorkers(SweepShardConsumer consumer, StandaloneHostSettings settings) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => Task.Run(() => consumer.RunAsync(stoppingToken), stoppingToken)));
}
