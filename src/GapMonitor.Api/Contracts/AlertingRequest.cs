namespace GapMonitor.Api.Contracts;

/// <summary>Reminders and acknowledgement expiry, as ISO 8601 durations (PT1S to P3650D).</summary>
/// <param name="RemindEvery">An open alert reminds everyone told this long after the last notification about it (default P1D).</param>
/// <param name="AcknowledgementExpiresAfter">An acknowledged alert not resolved this long after the acknowledgement opens again and escalates anew (default P3D).</param>
public sealed record AlertingRequest(string? RemindEvery, string? AcknowledgementExpiresAfter);
