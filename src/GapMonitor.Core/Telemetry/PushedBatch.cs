using System.Text.Json;

namespace GapMonitor.Core.Telemetry;

/// <summary>Rows a client pushed in one request.</summary>
/// <param name="BatchId">The client's id of the batch: a batch already taken in is not counted again.</param>
/// <param name="At">When the rows were recorded; null = when they arrive.</param>
/// <param name="Rows">JSON objects of feature → value, as parsed from the request (owned by the caller).</param>
public sealed record PushedBatch(string BatchId, string? ModelVersion, DateTimeOffset? At, IReadOnlyList<JsonElement> Rows);
