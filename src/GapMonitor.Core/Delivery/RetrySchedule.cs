namespace GapMonitor.Core.Delivery;

/// <summary>
/// When to try a failed notification again: exponential backoff with full jitter, at least what the receiver
/// asked for (Retry-After), and no more attempts once <see cref="GiveUpAfter"/> has passed since the notification was created.
/// </summary>
public sealed class RetrySchedule(TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan giveUpAfter, Func<double>? random = null)
{
    /// <summary>30 s doubling to at most 1 h, giving up after 24 h (about 30 attempts).</summary>
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public TimeSpan GiveUpAfter { get; } = giveUpAfter;

    /// <summary>Delay before attempt number <paramref name="attemptsSoFar"/> + 1.</summary>
    public TimeSpan DelayAfter(int attemptsSoFar, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(attemptsSoFar - 1, 0), 30);
        var ceiling = Math.Min(baseDelay.TotalSeconds * Math.Pow(2, exponent), maxDelay.TotalSeconds);
        // "Full jitter": uniformly between half the ceiling and the ceiling, so retries of many receivers spread out.
        var jittered = TimeSpan.FromSeconds((ceiling / 2) + (_random() * ceiling / 2));
        return retryAfter is { } asked && asked > jittered ? Min(asked, maxDelay) : jittered;
    }

    public bool ShouldGiveUp(DateTimeOffset createdAt, DateTimeOffset nextAttemptAt) => nextAttemptAt - createdAt > GiveUpAfter;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
