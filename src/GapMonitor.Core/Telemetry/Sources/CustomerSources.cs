namespace GapMonitor.Core.Telemetry.Sources;

/// <summary>
/// What an admin allows GapMonitor to read with its own identity for one customer: data-collector containers
/// (without SAS) and Log Analytics workspaces. When <see cref="Vendors"/> is set, only systems of those vendors may use them.
/// </summary>
public sealed record CustomerSources(
    string Customer,
    IReadOnlyList<Uri> Containers,
    IReadOnlyList<Guid> Workspaces,
    IReadOnlyList<string>? Vendors,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public bool Serves(string vendor) => Vendors is null || Vendors.Contains(vendor, StringComparer.Ordinal);

    public bool Lists(Uri container) => Containers.Any(c => ContainerAddress.SameContainer(c, container));

    public bool Lists(Guid workspace) => Workspaces.Contains(workspace);
}
