namespace GapMonitor.Cli.Serve;

/// <summary>
/// Endpoint metadata of a route only the standalone host serves, on purpose (<paramref name="Reason"/>): the parity
/// checks with the Functions app (HostParityTests, scripts/infra/compare_routes.py) skip it, by this mark only.
/// </summary>
public sealed record StandaloneOnlyRoute(string Reason);
