namespace GapMonitor.Api.Contracts;

public sealed record GapResponse(string Kind, string Practice, string Summary, DateTimeOffset Since);
