namespace GapMonitor.Api.Contracts;

public sealed record AttemptResponse(int Attempt, DateTimeOffset At, bool Succeeded, string? Error, double DurationMs);
