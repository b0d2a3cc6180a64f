namespace GapMonitor.Cli.Ops;

/// <summary>The arguments cannot be used (no key, a bad URL or duration).</summary>
internal sealed class OpsUsageException(string message) : Exception(message);
