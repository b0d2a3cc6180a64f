namespace GapMonitor.Api.Hosting;

/// <summary>Route templates below <c>/api</c>, shared by the Functions triggers (<c>Route = …</c>) and the standalone host.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string OpenApi = "openapi.json";
    public const string Keys = "keys";
    public const string Key = "keys/{id}";
    public const string Systems = "systems";
    public const string SystemById = "systems/{id}";
    public const string SystemIngestKey = "systems/{id}/ingest-key";
    public const string SystemStatus = "systems/{id}/status";
    public const string SystemAudit = "systems/{id}/audit";
    public const string SystemOwnership = "systems/{id}/ownership";
    public const string Heartbeats = "systems/{id}/heartbeats";
    public const string Deployments = "systems/{id}/deployments";
    public const string Reference = "systems/{id}/reference";
    public const string Telemetry = "systems/{id}/telemetry";
    public const string DriftWindows = "systems/{id}/drift";
    public const string Metrics = "systems/{id}/metrics";
    public const string Labels = "systems/{id}/labels";
    public const string Alerts = "alerts";
    public const string Alert = "alerts/{id}";
    public const string AlertAcknowledge = "alerts/{id}/acknowledge";
    public const string Silences = "silences";
    public const string Silence = "silences/{id}";
    public const string Sweep = "sweep";
    public const string Fleet = "fleet";
    public const string CustomerSources = "customers/{customer}/sources";
    public const string SystemContactsTest = "systems/{id}/contacts/test";
    public const string SystemDeliveries = "systems/{id}/deliveries";
    public const string SystemScorecard = "systems/{id}/scorecard";
    public const string FleetScorecard = "fleet/scorecard";
}
