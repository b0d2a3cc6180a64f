namespace GapMonitor.Core.Telemetry;

/// <summary>The upload could not be read as the declared format, or breaks a limit; nothing was switched over.</summary>
public sealed class ReferenceFormatException(string message, string field = "body") : Exception(message)
{
    /// <summary>The request field at fault: <c>body</c>, or <c>columns</c> for too many columns or too long a name.</summary>
    public string Field { get; } = field;
}
