namespace GapMonitor.Api.Contracts;

public sealed record ReferenceResponse(string SystemId, string Version, long Rows, IReadOnlyList<string> Columns, long Bytes);
