namespace GapMonitor.Api.Ui;

/// <summary>The headers of every console answer (pages, redirects, the stylesheet).</summary>
public static class ConsoleHeaders
{
    /// <summary>Nothing but this service's own stylesheet and inline SVG; no script at all; forms post only back here; nobody may frame it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IEnumerable<KeyValuePair<string, string>> All { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("X-Frame-Options", "DENY"),
        new("Cache-Control", "no-store"),
    ];
}
