namespace GapMonitor.Api.Contracts;

/// <summary>
/// The sources GapMonitor may read with its own identity for one customer: containers (without SAS) and Log Analytics
/// workspaces. <c>vendors</c>, when given, limits their use to systems of those vendors.
/// </summary>
public sealed record CustomerSourcesRequest(IReadOnlyList<string?>? Containers, IReadOnlyList<string?>? Workspaces, IReadOnlyList<string?>? Vendors = null);
