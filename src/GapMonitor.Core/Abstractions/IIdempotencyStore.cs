namespace GapMonitor.Core.Abstractions;

/// <summary>A stored response to a request made with an <c>Idempotency-Key</c>.</summary>
public sealed record StoredResponse(int Status, string? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, string RequestHash);

public enum IdempotencyClaim
{
    /// <summary>First time this key is seen: run the request.</summary>
    Claimed,

    /// <summary>A request with this key is still running.</summary>
    InProgress,

    /// <summary>Already answered: return the stored response.</summary>
    Completed,
}

public interface IIdempotencyStore
{
    Task<(IdempotencyClaim Claim, StoredResponse? Response)> TryClaimAsync(string scopedKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task CompleteAsync(string scopedKey, StoredResponse response, CancellationToken cancellationToken = default);

    /// <summary>Forgets a claim whose request failed before changing anything, so the client can retry with the same key.</summary>
    Task ReleaseAsync(string scopedKey, CancellationToken cancellationToken = default);
}
