namespace GapMonitor.Web.Pages.Systems;

/// <summary>How many items each bounded list shows, and where the API lists more.</summary>
public sealed record ListLimits(int Heartbeats, int Alerts, int Deliveries, int Audit, int Windows, string ApiBase);
