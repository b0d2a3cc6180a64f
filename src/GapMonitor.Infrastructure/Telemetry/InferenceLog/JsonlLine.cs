namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <param name="Content">The line without its newline (for <see cref="JsonlLineStatus.TooLong"/>: its last bytes only). Valid until the next read.</param>
/// <param name="ByteCount">Bytes the line occupies in the stream, newline included.</param>
internal readonly record struct JsonlLine(JsonlLineStatus Status, ReadOnlyMemory<byte> Content, long ByteCount);
