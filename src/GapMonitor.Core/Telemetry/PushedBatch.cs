using System.Text.Json;

namespace GapMonitor.Core.Telemetry;

/// <summary>Rows a client pushed in one request.</summary>
/// <param name="BatchId">The client's id of the batch: a batch already taken in is not counted again.</param>
/// <param name="At">When the rows were recorded; null = when they arrive.</param>
public sealed record PushedBatch(string BatchId, string? ModelVersion, DateTimeOffset? At, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows);

/// <summary>What became of a pushed batch.</summary>
/// <param name="WindowStart">The drift window the batch's record time falls in.</param>
/// <param name="Accepted">Rows taken in: 0 for a duplicate or a refused batch.</param>
/// <param name="Refused">The first column past the system's column bounds; nothing of the batch was taken in.</param>
public sealed record PushOutcome(DateTimeOffset WindowStart, bool Duplicate, int Accepted, ColumnRefusal? Refused);

/// <param name="Field">The refused column as a field of the batch: <c>[row].name</c>.</param>
public sealed record ColumnRefusal(string Field, string Message);
