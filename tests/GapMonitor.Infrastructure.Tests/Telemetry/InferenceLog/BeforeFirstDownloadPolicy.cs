using Azure.Core;
using Azure.Core.Pipeline;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>Once armed, runs an action (another writer changing the blob) just before the next GET of one blob's content.</summary>
internal sealed class BeforeFirstDownloadPolicy(string blobName) : HttpPipelinePolicy
{
    private Func<Task>? _action;

    public bool Fired { get; private set; }

    public void Arm(Func<Task> action) => _action = action;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The reader is asynchronous.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (_action is { } action && message.Request.Method == RequestMethod.Get
            && Uri.UnescapeDataString(message.Request.Uri.Path).EndsWith("/" + blobName, StringComparison.Ordinal))
        {
            _action = null;
            Fired = true;
            await action();
        }

        await ProcessNextAsync(message, pipeline);
    }
}
