using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Scorecards;

/// <summary>Measures a system's continuity practices over a period from what is stored: alerts, windows, deliveries, confirmations.</summary>
public sealed class ScorecardQuery
{
    /// <summary>The default period: the 30 days up to now.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    /// <summary>Null when the system does not exist for <paramref name="principal"/> (another tenant's is the same as none).</summary>
    public Task<Scorecard?> GetAsync(Principal principal, string systemId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("helper h11a");
}
