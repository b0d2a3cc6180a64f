namespace GapMonitor.Core.Status;

/// <summary>An open or acknowledged alert read as a gap in a practice.</summary>
public sealed record Gap(string Kind, string Practice, string Summary, DateTimeOffset OpenedAt);
