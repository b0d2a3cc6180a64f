namespace GapMonitor.Api.Contracts;

public sealed record KeyRequest(string? Role, string? Vendor, string? Customer, string? Name);
