namespace GapMonitor.Cli.Serve;

/// <summary>
/// Section <c>GapMonitor:Metrics</c>: who may read the standalone host's Prometheus scrape endpoint (<c>GET /metrics</c>).
/// By default only the admin key or the dedicated <see cref="ScrapeKey"/> (as <c>Authorization: Bearer</c>);
/// <see cref="AllowAnonymous"/> opens it for a Prometheus on a private network.
/// </summary>
public sealed class PrometheusScrapeOptions
{
    public const string Section = "GapMonitor:Metrics";

    public const int MinScrapeKeyLength = 32;

    /// <summary>Serve <c>/metrics</c> without a key. Only for a host that is not reachable from the internet.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>A key (at least 32 characters) that may read <c>/metrics</c> and nothing else, for the Prometheus server to hold instead of the admin key.</summary>
    public string? ScrapeKey { get; set; }

    public static bool IsScrapeKeyValid(PrometheusScrapeOptions options) =>
        options is not null && (string.IsNullOrEmpty(options.ScrapeKey) || options.ScrapeKey.Trim().Length >= MinScrapeKeyLength);
}
