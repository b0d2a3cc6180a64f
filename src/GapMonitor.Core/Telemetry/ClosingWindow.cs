namespace GapMonitor.Core.Telemetry;

/// <summary>
/// A window that has ended but whose close (comparison, stored report, outcome on the system) failed: it takes no more
/// rows and is tried again from <see cref="RetryAt"/> on.
/// </summary>
public sealed class ClosingWindow(DateTimeOffset start, DateTimeOffset end, OpenWindow window)
{
    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset End { get; } = end;

    public OpenWindow Window { get; } = window;

    public int Attempts { get; set; }

    public DateTimeOffset? RetryAt { get; set; }

    public string? LastError { get; set; }
}
