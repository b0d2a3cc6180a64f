namespace GapMonitor.Core.Ports;

public interface IIdempotencyStore
{
    Task<(IdempotencyClaim Claim, StoredResponse? Response)> TryClaimAsync(string scopedKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task CompleteAsync(string scopedKey, StoredResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a claim whose request failed before changing anything, so the client can retry with the same key.</summary>
    Task ReleaseAsync(string scopedKey, CancellationToken cancellationToken = default);
}
