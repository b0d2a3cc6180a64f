using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A puller stuck on an unresponsive source: it answers only when the test releases it.</summary>
internal sealed class HangingPuller : ITelemetryPuller
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task Started => _started.Task;

    /// <summary>Completes when a pull gave up because its caller cancelled it.</summary>
    public Task Cancelled => _cancelled.Task;

    public void Release(int rows = 0) => _release.TrySetResult(rows);

    public async Task<PullSummary> PullAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _started.TrySetResult();
        try
        {
            return new PullSummary(await _release.Task.WaitAsync(cancellationToken), 0);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult();
            throw;
        }
    }

    public Task<PullSummary> PullAsync(Core.Sweeping.Shards.SweepShard shard, CancellationToken cancellationToken = default) => PullAsync(cancellationToken);
}
