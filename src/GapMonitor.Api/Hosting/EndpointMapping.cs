using GapMonitor.Api.Contracts;
using GapMonitor.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static GapMonitor.Api.Hosting.ApiRoutes;

namespace GapMonitor.Api.Hosting;

/// <summary>The standalone host's routes: one line per route onto the same handlers the Functions triggers call.</summary>
public static class EndpointMapping
{
    private const string ProblemJson = "application/problem+json";

    public static IEndpointRouteBuilder MapGapMonitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + Prefix);
        api.MapGet(Health, (HttpContext h, OperationsApi a) => a.HealthAsync(h)).WithName("Health").Produces<HealthResponse>().Produces<HealthResponse>(503);
        api.MapPost(Keys, (HttpContext h, KeysApi a) => a.CreateAsync(h)).WithName("CreateKey").Accepts<KeyRequest>("application/json").Produces<KeyCreatedResponse>(201).Errors();
        api.MapDelete(Key, (HttpContext h, string id, KeysApi a) => a.RevokeAsync(h, id)).WithName("RevokeKey").Produces(204).Errors();
        api.MapPost(Systems, (HttpContext h, SystemsApi a) => a.CreateAsync(h)).WithName("RegisterSystem").Accepts<SystemRequest>("application/json").Produces<SystemResponse>(201).Errors();
        api.MapGet(Systems, (HttpContext h, SystemsApi a) => a.ListAsync(h)).WithName("ListSystems").Produces<SystemList>().Errors();
        api.MapGet(SystemById, (HttpContext h, string id, SystemsApi a) => a.GetAsync(h, id)).WithName("GetSystem").Produces<SystemResponse>().Errors();
        api.MapPut(SystemById, (HttpContext h, string id, SystemsApi a) => a.UpdateAsync(h, id)).WithName("UpdateSystem").Accepts<SystemRequest>("application/json").Produces<SystemResponse>().Errors();
        api.MapDelete(SystemById, (HttpContext h, string id, SystemsApi a) => a.RetireAsync(h, id)).WithName("RetireSystem").Produces(204).Errors();
        api.MapGet(SystemStatus, (HttpContext h, string id, StatusApi a) => a.GetAsync(h, id)).WithName("GetSystemStatus").Produces<SystemStatusResponse>().Errors();
        api.MapGet(SystemAudit, (HttpContext h, string id, SystemsApi a) => a.AuditAsync(h, id)).WithName("GetSystemAudit").Produces<AuditList>().Errors();
        api.MapPost(Heartbeats, (HttpContext h, string id, SignalsApi a) => a.HeartbeatAsync(h, id)).WithName("PostHeartbeat").Accepts<HeartbeatRequest>("application/json").Produces<Accepted>(202).Errors();
        api.MapPost(Deployments, (HttpContext h, string id, SignalsApi a) => a.DeploymentAsync(h, id)).WithName("PostDeployment").Accepts<DeploymentRequest>("application/json").Produces<Accepted>(202).Errors();
        api.MapPut(Reference, (HttpContext h, string id, TelemetryApi a) => a.PutReferenceAsync(h, id)).WithName("PutReference").Accepts<string>("text/csv", "application/x-ndjson").Produces<ReferenceResponse>(201).Errors();
        api.MapPost(Telemetry, (HttpContext h, string id, TelemetryApi a) => a.PostTelemetryAsync(h, id)).WithName("PostTelemetry").Accepts<List<Dictionary<string, object>>>("application/json", "application/x-ndjson").Produces<TelemetryAccepted>(202).Errors();
        api.MapGet(Drift, (HttpContext h, string id, TelemetryApi a) => a.ListDriftAsync(h, id)).WithName("ListDriftWindows").Produces<DriftWindowList>().Errors();
        api.MapPost(Metrics, (HttpContext h, string id, MetricsApi a) => a.PostAsync(h, id)).WithName("PostMetrics").Accepts<MetricsRequest>("application/json").Produces<MetricsAccepted>(202).Errors();
        api.MapGet(Metrics, (HttpContext h, string id, MetricsApi a) => a.ListAsync(h, id)).WithName("ListMetrics").Produces<MetricList>().Errors();
        api.MapGet(Alerts, (HttpContext h, AlertsApi a) => a.ListAsync(h)).WithName("ListAlerts").Produces<AlertList>().Errors();
        api.MapGet(Alert, (HttpContext h, string id, AlertsApi a) => a.GetAsync(h, id)).WithName("GetAlert").Produces<AlertResponse>().Errors();
        api.MapPost(AlertAcknowledge, (HttpContext h, string id, AlertsApi a) => a.AcknowledgeAsync(h, id)).WithName("AcknowledgeAlert").Accepts<AcknowledgeRequest>("application/json").Produces<AlertResponse>().Errors();
        api.MapPost(Sweep, (HttpContext h, OperationsApi a) => a.SweepAsync(h)).WithName("Sweep").Produces<SweepResponse>().Errors();
        api.MapPut(CustomerSources, (HttpContext h, string customer, CustomersApi a) => a.PutSourcesAsync(h, customer)).WithName("PutCustomerSources").Accepts<CustomerSourcesRequest>("application/json").Produces<CustomerSourcesResponse>().Errors();
        api.MapGet(CustomerSources, (HttpContext h, string customer, CustomersApi a) => a.GetSourcesAsync(h, customer)).WithName("GetCustomerSources").Produces<CustomerSourcesResponse>().Errors();
        return app;
    }

    private static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(400, ProblemJson).ProducesProblem(401, ProblemJson).ProducesProblem(403, ProblemJson)
        .ProducesProblem(404, ProblemJson).ProducesProblem(409, ProblemJson).ProducesProblem(412, ProblemJson)
        .ProducesProblem(413, ProblemJson).ProducesProblem(503, ProblemJson);
}
