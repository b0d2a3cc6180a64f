namespace GapMonitor.Cli.Drift;

/// <summary>An input file that cannot be used (unreadable, empty, ragged); the message is shown to the user as is.</summary>
internal sealed class DriftInputException(string message, Exception? inner = null) : Exception(message, inner);
