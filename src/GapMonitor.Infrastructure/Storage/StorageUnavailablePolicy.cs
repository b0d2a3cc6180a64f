using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using GapMonitor.Core.Ports;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Added per call to the service's own Table and Blob clients, so it sees each call's outcome after the SDK's retries:
/// a transport failure or a 5xx answer becomes a <see cref="StorageUnavailableException"/> (the original inside it).
/// Every other answer, 4xx included, goes back to the caller untouched.
/// </summary>
public sealed class StorageUnavailablePolicy : HttpPipelinePolicy
{
    public static StorageUnavailablePolicy Instance { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }

        ThrowIfServerFailed(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }

        ThrowIfServerFailed(message);
    }

    /// <summary>The connection failed (refused, reset, name not resolved), possibly wrapped by the SDK's retries.</summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        StorageUnavailableException => false,
        RequestFailedException { Status: 0 or >= 500 } => true,
        HttpRequestException or SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => ex.InnerException is { } inner && IsUnavailable(inner),
    };

    private static void ThrowIfServerFailed(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status >= 500)
        {
            throw Unavailable(new RequestFailedException(message.Response));
        }
    }

    private static StorageUnavailableException Unavailable(Exception cause) =>
        new($"Storage is unavailable: {cause.Message}", cause);
}
