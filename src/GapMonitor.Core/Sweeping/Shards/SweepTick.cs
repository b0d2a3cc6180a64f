using Microsoft.Extensions.Logging;

namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>
/// One occurrence of the sweep schedule, in either host: fans out through the queue when the host has one (the queue's
/// consumers do the work), otherwise sweeps every system right here as before.
/// </summary>
public sealed class SweepTick(SweepService sweep, ILogger<SweepTick> logger, SweepFanOut? fanOut = null)
{
    public bool FansOut => fanOut is not null;

    /// <param name="occurrence">The schedule occurrence being run: the same value in every host ticking at it.</param>
    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken = default)
    {
        if (fanOut is null)
        {
            await sweep.RunAsync(cancellationToken);
            return;
        }

        var shards = await fanOut.EnqueueAsync(occurrence, cancellationToken);
        logger.LogDebug("Sweep tick {Occurrence:O}: {Shards} shard(s) enqueued", occurrence, shards);
    }
}
