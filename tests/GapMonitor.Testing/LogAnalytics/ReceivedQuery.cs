namespace GapMonitor.Testing.LogAnalytics;

/// <summary>A request the fake service received.</summary>
public sealed record ReceivedQuery(int Number, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan ArrivedAfterStart);
