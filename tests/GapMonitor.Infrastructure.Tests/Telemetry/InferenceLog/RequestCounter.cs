using Azure.Core;
using Azure.Core.Pipeline;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>Counts listing requests (<c>comp=list</c>) and content downloads that pass through a client.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _listings;
    private int _downloads;

    public int Listings => _listings;

    public int Downloads => _downloads;

    public void Reset() => (_listings, _downloads) = (0, 0);

    public override void OnSendingRequest(HttpMessage message)
    {
        var query = message.Request.Uri.Query;
        if (query.Contains("comp=list", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _listings);
        }
        else if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _downloads);
        }
    }
}
