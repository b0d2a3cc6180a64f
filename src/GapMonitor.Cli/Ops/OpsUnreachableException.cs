namespace GapMonitor.Cli.Ops;

/// <summary>The service could not be reached at all.</summary>
internal sealed class OpsUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
