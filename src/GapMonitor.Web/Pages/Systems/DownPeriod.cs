namespace GapMonitor.Web.Pages.Systems;

/// <summary>A stretch of time in which the system's monitoring was silent.</summary>
public sealed record DownPeriod(DateTimeOffset From, DateTimeOffset To, bool Ongoing);
