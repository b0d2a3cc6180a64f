using System.ComponentModel.DataAnnotations;

namespace GapMonitor.Api;

/// <summary>Section <c>GapMonitor</c>: the admin key and the schedules both hosts run.</summary>
public sealed class GapMonitorOptions
{
    public const string Section = "GapMonitor";

    public const int MinAdminKeyLength = 32;

    /// <summary>The admin API key (app setting or Key Vault reference), at least 32 characters. Only its hash is kept in memory.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>NCRONTAB (six fields, with seconds) of the full sweep: pull → evaluate → deliver.</summary>
    [Required]
    public string SweepSchedule { get; set; } = "0 */1 * * * *";

    /// <summary>NCRONTAB of the delivery-only step that drains the outbox between sweeps.</summary>
    [Required]
    public string DeliverySchedule { get; set; } = "*/20 * * * * *";

    /// <summary>NCRONTAB of the telemetry pull (it also runs as the first step of every sweep).</summary>
    [Required]
    public string PullSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>How long a sweep waits for its telemetry pull before it evaluates anyway (the pull goes on).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SweepPullBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Systems per shard when the sweep fans out through the queue (one queue message each).</summary>
    [Range(1, 100_000)]
    public int SweepSystemsPerShard { get; set; } = 1000;

    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The service's public address (absolute http(s) URL); action links are <c>{PublicBaseUrl}/act/{token}</c>. The
    /// standalone host defaults to its own listening address; without it the Functions app sends no links.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public ActionLinkOptions ActionLinks { get; set; } = new();

    /// <summary>The configured public address, or null when unset; a value that is not an absolute http(s) URL is refused at startup.</summary>
    public Uri? PublicBaseUri() =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null
        : Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0 && url.Fragment.Length == 0 ? url
        : throw new FormatException("GapMonitor:PublicBaseUrl must be an absolute http(s) URL without query or fragment.");

    public static bool IsPublicBaseUrlValid(GapMonitorOptions options) => Valid(() => options?.PublicBaseUri());

    public static bool IsActionLinkSigningKeyValid(GapMonitorOptions options) =>
        Valid(() => Core.ActionLinks.ActionLinkSigningKey.From(options?.ActionLinks.SigningKey, null));

    private static bool Valid(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>No admin key (no admin access) or one long enough not to be guessed; both hosts refuse to start otherwise.</summary>
    public static bool IsAdminKeyStrong(GapMonitorOptions options) =>
        options is not null && (string.IsNullOrEmpty(options.AdminApiKey) || options.AdminApiKey.Trim().Length >= MinAdminKeyLength);
}
