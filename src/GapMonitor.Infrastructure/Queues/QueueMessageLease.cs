using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace GapMonitor.Infrastructure.Queues;

/// <summary>
/// Keeps a received message invisible to the other consumers while this one works on it: its visibility timeout is
/// renewed every third of it (one failed renewal still leaves another before it lapses), on the injected clock, and
/// each renewal's pop receipt is kept for the next renewal and the delete. A renewal that finds the message gone or its
/// receipt outdated (it lapsed and another consumer took it) cancels <see cref="Token"/>: the work stops rather than
/// run twice at once.
/// </summary>
internal sealed class QueueMessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibility;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _work;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private volatile string _popReceipt;
    private volatile bool _lost;

    private QueueMessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibility = visibility;
        _timeProvider = timeProvider;
        _logger = logger;
        _work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = RenewAsync();
    }

    /// <param name="visibility">The visibility timeout the message was received with; each renewal sets it again.</param>
    public static QueueMessageLease Start(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(visibility, TimeSpan.Zero);
        return new QueueMessageLease(queue, message, visibility, timeProvider, logger, cancellationToken);
    }

    /// <summary>The work's token: cancelled when the caller's is, or when the message turns out to be another consumer's.</summary>
    public CancellationToken Token => _work.Token;

    /// <summary>The message is gone or another consumer holds it: this one must neither delete it nor hand it back.</summary>
    public bool IsLost => _lost;

    /// <summary>The latest pop receipt; stable once <see cref="StopRenewingAsync"/> has returned.</summary>
    public string PopReceipt => _popReceipt;

    /// <summary>Ends the renewals (one in flight is waited for, so <see cref="PopReceipt"/> is the message's current one).</summary>
    public async Task StopRenewingAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        _stop.Dispose();
        _work.Dispose();
    }

    private async Task RenewAsync()
    {
        // Renewals are due at fixed points from the receive, so a slow renewal does not push the next one towards the lapse.
        var every = _visibility / 3;
        var next = _timeProvider.GetUtcNow() + every;
        while (true)
        {
            try
            {
                var wait = next - _timeProvider.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _timeProvider, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            next += every;
            try
            {
                // Not cancelled by the stop: a renewal that landed unseen would leave the delete an outdated receipt.
                UpdateReceipt receipt = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _visibility, cancellationToken: CancellationToken.None);
                _popReceipt = receipt.PopReceipt;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                _lost = true;
                _logger.LogWarning(ex, "Sweep message {MessageId} is no longer this consumer's (another consumer took it after its visibility lapsed, or it is gone); its shard is stopped here", _messageId);
                await _work.CancelAsync();
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "Renewing the visibility of sweep message {MessageId} failed; trying again at the next renewal", _messageId);
            }
        }
    }
}
