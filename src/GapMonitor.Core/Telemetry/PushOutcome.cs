namespace GapMonitor.Core.Telemetry;

/// <summary>What became of a pushed batch.</summary>
/// <param name="WindowStart">The drift window the batch's record time falls in.</param>
/// <param name="Accepted">Rows taken in: 0 for a duplicate or a refused batch.</param>
/// <param name="Refused">The first column past the system's column bounds; nothing of the batch was taken in.</param>
public sealed record PushOutcome(DateTimeOffset WindowStart, bool Duplicate, int Accepted, ColumnRefusal? Refused);
