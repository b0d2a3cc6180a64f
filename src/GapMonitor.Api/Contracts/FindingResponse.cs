namespace GapMonitor.Api.Contracts;

public sealed record FindingResponse(string Kind, string Column, string Detail, double? Value);
