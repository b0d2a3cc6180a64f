namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>What <see cref="JsonlLineReader.ReadLineAsync"/> found.</summary>
internal enum JsonlLineStatus
{
    /// <summary>A line ending with a newline.</summary>
    Complete,

    /// <summary>A newline-terminated line longer than the limit; its bytes were skipped and only its tail is returned.</summary>
    TooLong,

    /// <summary>The stream ended; anything after the last newline is an incomplete line and is not returned.</summary>
    End,
}
