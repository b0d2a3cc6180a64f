using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GapMonitor.SweepBenchmark;

/// <summary>Counts the requests the Table client sends (every retry included), by HTTP method.</summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    public RequestCounts Snapshot() => new(new SortedDictionary<string, int>(_byMethod, StringComparer.Ordinal));

    private void Count(HttpMessage message) => _byMethod.AddOrUpdate(message.Request.Method.Method, 1, (_, n) => n + 1);
}

/// <summary>Requests by HTTP method at one moment; subtract two to get what happened in between.</summary>
public sealed record RequestCounts(IReadOnlyDictionary<string, int> ByMethod)
{
    public int Total => ByMethod.Values.Sum();

    public RequestCounts Since(RequestCounts earlier) =>
        new(new SortedDictionary<string, int>(
            ByMethod.ToDictionary(p => p.Key, p => p.Value - earlier.ByMethod.GetValueOrDefault(p.Key)),
            StringComparer.Ordinal));

    /// <summary>"GET 10, POST 10000" — methods that were not used are left out.</summary>
    public override string ToString() =>
        string.Join(", ", ByMethod.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"));
}
