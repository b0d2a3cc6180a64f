namespace GapMonitor.Core.Telemetry;

/// <summary>
/// Times that come from clients (pushed <c>?at=</c>, record times, times in query results) may run ahead of the service's
/// clock by at most <see cref="MaxAhead"/>; further ahead they are refused (400) or, when pulled, skipped as malformed.
/// </summary>
public static class ClientTimes
{
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    public static bool IsTooFarAhead(DateTimeOffset at, DateTimeOffset now) => at > now + MaxAhead;
}
