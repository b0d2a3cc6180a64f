namespace GapMonitor.Core.Ports;

/// <summary>A stored response to a request made with an <c>Idempotency-Key</c>.</summary>
public sealed record StoredResponse(int Status, string? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, string RequestHash);
