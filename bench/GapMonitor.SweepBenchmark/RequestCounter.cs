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
