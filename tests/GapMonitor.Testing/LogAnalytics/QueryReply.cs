namespace GapMonitor.Testing.LogAnalytics;

/// <summary>What the fake service answers.</summary>
public sealed record QueryReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);
