namespace GapMonitor.Functions.Tests.Support;

public sealed record TriggerResponse(int Status, string? ContentType, string Body);
