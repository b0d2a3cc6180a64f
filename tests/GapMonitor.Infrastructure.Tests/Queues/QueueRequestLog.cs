using System.Threading.Channels;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GapMonitor.Infrastructure.Tests.Queues;

/// <summary>
/// Records the message updates (visibility renewals) and deletes a queue client sends to Azurite, with the pop receipt
/// each used and the one its answer gave, so a test can follow a message's receipts and wait for the next request.
/// </summary>
internal sealed class QueueRequestLog : HttpPipelinePolicy
{
    private readonly Channel<MessageRequest> _requests = Channel.CreateUnbounded<MessageRequest>();

    public List<MessageRequest> All { get; } = [];

    /// <summary>Asked as each answer arrives; its value is kept as <see cref="MessageRequest.ProbedAtAnswer"/>.</summary>
    public Func<bool>? Probe { get; set; }

    /// <summary>The next update or delete, once Azurite has answered it.</summary>
    public async Task<MessageRequest> NextAsync(TimeSpan guard)
    {
        using var timeout = new CancellationTokenSource(guard);
        return await _requests.Reader.ReadAsync(timeout.Token);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        var method = message.Request.Method;
        if ((method != RequestMethod.Put && method != RequestMethod.Delete) || !message.Request.Uri.Path.Contains("/messages/", StringComparison.Ordinal))
        {
            return;
        }

        var query = System.Web.HttpUtility.ParseQueryString(message.Request.Uri.Query);
        message.Response.Headers.TryGetValue("x-ms-popreceipt", out var answered);
        var request = new MessageRequest(
            method.Method,
            message.Request.Uri.Path[(message.Request.Uri.Path.LastIndexOf('/') + 1)..],
            query["popreceipt"],
            query["visibilitytimeout"] is { } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)) : null,
            message.Response.Status,
            answered,
            Probe?.Invoke() ?? false);
        lock (All)
        {
            All.Add(request);
        }

        _requests.Writer.TryWrite(request);
    }

    internal sealed record MessageRequest(string Method, string MessageId, string? PopReceipt, TimeSpan? VisibilityTimeout, int Status, string? AnsweredPopReceipt, bool ProbedAtAnswer);
}
