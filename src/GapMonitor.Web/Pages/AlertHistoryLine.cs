namespace GapMonitor.Web.Pages;

/// <summary>One event of an alert's history as the alert page lists it: what happened, when, and to whom.</summary>
public sealed record AlertHistoryLine(DateTimeOffset At, string Event, string Detail);
