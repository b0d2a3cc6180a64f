namespace GapMonitor.Api.Contracts;

/// <param name="Contact">Position of the contact to test in the system's <c>contacts</c>; absent: every contact the caller may test.</param>
public sealed record ContactTestRequest(int? Contact);
