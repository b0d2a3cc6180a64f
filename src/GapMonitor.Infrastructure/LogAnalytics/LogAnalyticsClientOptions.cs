using Azure.Core;

namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// Options of <see cref="LogAnalyticsQueryClient"/>. The pipeline's retry policy (from <see cref="ClientOptions.Retry"/>)
/// retries 408, 429, 500, 502, 503 and 504 and waits at least as long as the service's <c>Retry-After</c>
/// (or <c>retry-after-ms</c>) header asks: Azure.Core's <see cref="DelayStrategy"/> takes the larger of that header and its own backoff.
/// </summary>
public sealed class LogAnalyticsClientOptions : ClientOptions
{
    /// <summary>The public-cloud Log Analytics query endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.loganalytics.io");

    /// <summary>The token scope of the Log Analytics query API.</summary>
    public const string DefaultScope = "https://api.loganalytics.io/.default";

    /// <summary>The service's documented row limit of one query result.</summary>
    public const int ServiceRowLimit = 500_000;

    public LogAnalyticsClientOptions()
    {
        Retry.MaxRetries = 3;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
    }

    /// <summary>Used by the constructor that takes no endpoint; another cloud's endpoint goes here.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>The token scope requested from the credential.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>
    /// How long the service may run one query (<c>Prefer: wait=</c>, whole seconds; the service allows up to 10 minutes).
    /// Each request's network timeout is this plus half a minute, so the client never gives up before the server does.
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A result with this many rows is taken as truncated by <see cref="LogAnalyticsQueryClient.QueryAllAsync"/>,
    /// which then splits the time range. Injectable so tests can use a small cap.
    /// </summary>
    public int RowCap { get; set; } = ServiceRowLimit;

    /// <summary>The shortest time range <see cref="LogAnalyticsQueryClient.QueryAllAsync"/> still splits; below it, it gives up.</summary>
    public TimeSpan MinimumSplitSpan { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The datetime column <see cref="LogAnalyticsQueryClient.QueryAllAsync"/> uses to drop rows lying exactly on a split
    /// point from the earlier half, so that a row is returned once whether or not the service's timespan includes its end.
    /// </summary>
    public string TimeColumn { get; set; } = "TimeGenerated";
}
