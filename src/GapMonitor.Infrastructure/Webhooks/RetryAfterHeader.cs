using System.Net.Http.Headers;

namespace GapMonitor.Infrastructure.Webhooks;

/// <summary>Reads an HTTP <c>Retry-After</c> header (delta-seconds or HTTP-date) as a delay.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The delay the header asks for, counted from <paramref name="now"/>; never negative.</summary>
    public static TimeSpan? Delay(RetryConditionHeaderValue? value, DateTimeOffset now)
    {
        var delay = value switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
