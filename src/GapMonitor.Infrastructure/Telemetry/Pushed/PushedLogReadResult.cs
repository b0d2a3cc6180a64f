using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Telemetry.Pushed;

/// <summary>What one <see cref="PushedLogReader"/> slice read.</summary>
/// <param name="Content">The rows and counts (its own checkpoint is not used: <paramref name="Checkpoint"/> is).</param>
/// <param name="Checkpoint">Covers exactly what <paramref name="Content"/> holds; store it with the rows.</param>
/// <param name="HasMore">The slice stopped at its row budget: read again to continue.</param>
internal sealed record PushedLogReadResult(InferenceLogReadResult Content, PushedLogCheckpoint Checkpoint, bool HasMore);
