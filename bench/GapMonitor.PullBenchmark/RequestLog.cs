using System.Collections.Concurrent;
using System.Diagnostics;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// Every HTTP request this process sends (retries included), from the runtime's <c>System.Net.Http</c> activities, so that
/// the reader's own SAS clients are counted as well as the DI-registered Table and Blob clients; by kind, with time spent.
/// </summary>
public sealed class RequestLog : IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Seconds)> _byKind = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;
    private readonly int _tablePort;

    public RequestLog(string connectionString)
    {
        _tablePort = TablePort(connectionString);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public RequestCounts Snapshot() => new(new SortedDictionary<string, (int, double)>(_byKind, StringComparer.Ordinal));

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        var kind = Kind(activity.GetTagItem("http.request.method") as string ?? "?", activity.GetTagItem("url.full") as string);
        _byKind.AddOrUpdate(kind, (1, activity.Duration.TotalSeconds), (_, c) => (c.Count + 1, c.Seconds + activity.Duration.TotalSeconds));
    }

    /// <summary>"blob list", "blob read", "blob write", "table read", "table write" (path only; the query is redacted).</summary>
    private string Kind(string method, string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "other " + method;
        }

        var service = uri.Port == _tablePort ? "table" : "blob";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        return (service, method) switch
        {
            ("blob", "GET") when segments <= 2 => "blob list",
            ("blob", "GET" or "HEAD") => "blob read",
            ("table", "GET") => "table read",
            (_, _) => service + " write",
        };
    }

    private static int TablePort(string connectionString)
    {
        var endpoint = connectionString.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "TableEndpoint")?[1];
        return endpoint is null ? -1 : new Uri(endpoint).Port;
    }
}
