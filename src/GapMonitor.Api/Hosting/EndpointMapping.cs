using GapMonitor.Api.Contracts;
using GapMonitor.Api.Endpoints;
using GapMonitor.Api.Ui;
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
        api.MapGet(Health, (HttpContext h, OperationsApi a, CancellationToken ct) => a.HealthAsync(h, ct)).WithName("Health").Produces<HealthResponse>().Produces<HealthResponse>(503);
        api.MapPost(Keys, (HttpContext h, KeysApi a, CancellationToken ct) => a.CreateAsync(h, ct)).WithName("CreateKey").Accepts<KeyRequest>("application/json").Produces<KeyCreatedResponse>(201).Errors();
        api.MapGet(Keys, (HttpContext h, KeysApi a, CancellationToken ct) => a.ListAsync(h, ct)).WithName("ListKeys").Produces<KeyList>().Errors().Paged();
        api.MapDelete(Key, (HttpContext h, string id, KeysApi a, CancellationToken ct) => a.RevokeAsync(h, id, ct)).WithName("RevokeKey").Produces(204).Errors();
        api.MapPost(Systems, (HttpContext h, SystemsApi a, CancellationToken ct) => a.CreateAsync(h, ct)).WithName("RegisterSystem").Accepts<SystemRequest>("application/json").Produces<SystemResponse>(201).Errors();
        api.MapGet(Systems, (HttpContext h, SystemsApi a, CancellationToken ct) => a.ListAsync(h, ct)).WithName("ListSystems").Produces<SystemList>().Errors().Paged();
        api.MapGet(SystemById, (HttpContext h, string id, SystemsApi a, CancellationToken ct) => a.GetAsync(h, id, ct)).WithName("GetSystem").Produces<SystemResponse>().Errors();
        api.MapPut(SystemById, (HttpContext h, string id, SystemsApi a, CancellationToken ct) => a.UpdateAsync(h, id, ct)).WithName("UpdateSystem").Accepts<SystemRequest>("application/json").Produces<SystemResponse>().Errors();
        api.MapPatch(SystemById, (HttpContext h, string id, SystemPatchApi a, CancellationToken ct) => a.PatchAsync(h, id, ct)).WithName("PatchSystem").Accepts<SystemRequest>(SystemPatchApi.MergePatchContentType).Produces<SystemResponse>().Errors().ProducesProblem(415, ProblemJson).ProducesProblem(428, ProblemJson);
        api.MapPost(SystemIngestKey, (HttpContext h, string id, IngestKeyApi a, CancellationToken ct) => a.RotateAsync(h, id, ct)).WithName("RotateIngestKey").Produces<IngestKeyResponse>(201).Errors();
        api.MapDelete(SystemById, (HttpContext h, string id, SystemsApi a, CancellationToken ct) => a.RetireAsync(h, id, ct)).WithName("RetireSystem").Produces(204).Errors();
        api.MapGet(SystemStatus, (HttpContext h, string id, StatusApi a, CancellationToken ct) => a.GetAsync(h, id, ct)).WithName("GetSystemStatus").Produces<SystemStatusResponse>().Errors();
        api.MapGet(SystemAudit, (HttpContext h, string id, SystemsApi a, CancellationToken ct) => a.AuditAsync(h, id, ct)).WithName("GetSystemAudit").Produces<AuditList>().Errors().Paged();
        api.MapPost(SystemOwnership, (HttpContext h, string id, OwnershipApi a, CancellationToken ct) => a.ConfirmAsync(h, id, ct)).WithName("ConfirmOwnership").Accepts<ConfirmOwnershipRequest>("application/json").Produces<OwnershipConfirmedResponse>().Errors();
        api.MapGet(SystemOwnership, (HttpContext h, string id, OwnershipApi a, CancellationToken ct) => a.GetAsync(h, id, ct)).WithName("GetOwnership").Produces<OwnershipResponse>().Errors().Paged();
        api.MapPost(Heartbeats, (HttpContext h, string id, SignalsApi a, CancellationToken ct) => a.HeartbeatAsync(h, id, ct)).WithName("PostHeartbeat").Accepts<HeartbeatRequest>("application/json").Produces<Accepted>(202).Errors();
        api.MapPost(Deployments, (HttpContext h, string id, SignalsApi a, CancellationToken ct) => a.DeploymentAsync(h, id, ct)).WithName("PostDeployment").Accepts<DeploymentRequest>("application/json").Produces<Accepted>(202).Errors();
        api.MapPut(Reference, (HttpContext h, string id, TelemetryApi a, CancellationToken ct) => a.PutReferenceAsync(h, id, ct)).WithName("PutReference").Accepts<string>("text/csv", "application/x-ndjson").Produces<ReferenceResponse>(201).Errors();
        api.MapPost(Telemetry, (HttpContext h, string id, TelemetryApi a, CancellationToken ct) => a.PostTelemetryAsync(h, id, ct)).WithName("PostTelemetry").Accepts<List<Dictionary<string, object>>>("application/json", "application/x-ndjson").Produces<TelemetryAccepted>(202).Errors();
        api.MapGet(DriftWindows, (HttpContext h, string id, TelemetryApi a, CancellationToken ct) => a.ListDriftAsync(h, id, ct)).WithName("ListDriftWindows").Produces<DriftWindowList>().Errors()
            .Paged(ListParameters.Time("from", "Windows starting at or after this time."), ListParameters.Time("to", "Windows starting at or before this time."));
        api.MapPost(Metrics, (HttpContext h, string id, MetricsApi a, CancellationToken ct) => a.PostAsync(h, id, ct)).WithName("PostMetrics").Accepts<MetricsRequest>("application/json").Produces<MetricsAccepted>(202).Errors();
        api.MapPost(Labels, (HttpContext h, string id, LabelsApi a, CancellationToken ct) => a.PostAsync(h, id, ct)).WithName("PostLabels").Accepts<List<LabelRequest>>("application/json", "application/x-ndjson").Produces<LabelsAccepted>().Errors()
            .WithQuery("batchId", $"Required: the batch's id (1–{LabelsApi.MaxBatchId} characters); posting a batch id again changes nothing and answers its first counts.", required: true);
        api.MapGet(Metrics, (HttpContext h, string id, MetricsApi a, CancellationToken ct) => a.ListAsync(h, id, ct)).WithName("ListMetrics").Produces<MetricList>().Errors().Paged(ListParameters.Text("name", "Only metrics of this name."));
        api.MapGet(Alerts, (HttpContext h, AlertsApi a, CancellationToken ct) => a.ListAsync(h, ct)).WithName("ListAlerts").Produces<AlertList>().Errors().Paged(
            ListParameters.Text("systemId", "Only alerts of this system."),
            ListParameters.Text("state", "open, acknowledged or resolved."),
            ListParameters.Text("kind", "Only alerts of this kind."),
            ListParameters.Time("from", "Alerts opened at or after this time (ISO 8601 UTC). Newest first by openedAt."),
            ListParameters.Time("to", "Alerts opened before this time (ISO 8601 UTC)."));
        api.MapGet(Alert, (HttpContext h, string id, AlertsApi a, CancellationToken ct) => a.GetAsync(h, id, ct)).WithName("GetAlert").Produces<AlertResponse>().Errors();
        api.MapPost(AlertAcknowledge, (HttpContext h, string id, AlertsApi a, CancellationToken ct) => a.AcknowledgeAsync(h, id, ct)).WithName("AcknowledgeAlert").Accepts<AcknowledgeRequest>("application/json").Produces<AlertResponse>().Errors();
        api.MapGet(Fleet, (HttpContext h, FleetApi a, CancellationToken ct) => a.ListAsync(h, ct)).WithName("ListFleet").Produces<FleetList>().Errors().Paged(
            ListParameters.Text("vendor", "Only systems of this vendor."),
            ListParameters.Text("customer", "Only systems of this customer."),
            ListParameters.Text("owner", "Only systems whose operations this party owns now: vendor or customer."),
            ListParameters.Text("state", "new, up, late, down or retired (monitoring); lapsed (an open alert, or monitoring down); ok (neither, nor retired)."));
        api.MapPost(Silences, (HttpContext h, SilencesApi a, CancellationToken ct) => a.CreateAsync(h, ct)).WithName("CreateSilence").Accepts<SilenceRequest>("application/json").Produces<SilenceResponse>(201).Errors();
        api.MapGet(Silences, (HttpContext h, SilencesApi a, CancellationToken ct) => a.ListAsync(h, ct)).WithName("ListSilences").Produces<SilenceList>().Errors().Paged(
            ListParameters.Text("systemId", "Only silences of this system."),
            ListParameters.Text("active", "true: in effect now; false: ended or not started yet."));
        api.MapGet(Silence, (HttpContext h, string id, SilencesApi a, CancellationToken ct) => a.GetAsync(h, id, ct)).WithName("GetSilence").Produces<SilenceResponse>().Errors();
        api.MapDelete(Silence, (HttpContext h, string id, SilencesApi a, CancellationToken ct) => a.EndAsync(h, id, ct)).WithName("EndSilence").Produces(204).Errors();
        api.MapPost(Sweep, (HttpContext h, OperationsApi a, CancellationToken ct) => a.SweepAsync(h, ct)).WithName("Sweep").Produces<SweepResponse>().Errors();
        api.MapPut(CustomerSources, (HttpContext h, string customer, CustomersApi a, CancellationToken ct) => a.PutSourcesAsync(h, customer, ct)).WithName("PutCustomerSources").Accepts<CustomerSourcesRequest>("application/json").Produces<CustomerSourcesResponse>().Errors();
        api.MapGet(CustomerSources, (HttpContext h, string customer, CustomersApi a, CancellationToken ct) => a.GetSourcesAsync(h, customer, ct)).WithName("GetCustomerSources").Produces<CustomerSourcesResponse>().Errors();
        api.MapPost(SystemContactsTest, (HttpContext h, string id, ContactsApi a, CancellationToken ct) => a.TestAsync(h, id, ct)).WithName("TestContacts").Accepts<ContactTestRequest>("application/json").Produces<ContactTestAccepted>(202).Errors();
        api.MapGet(SystemDeliveries, (HttpContext h, string id, ContactsApi a, CancellationToken ct) => a.DeliveriesAsync(h, id, ct)).WithName("ListDeliveries").Produces<DeliveryList>().Errors().Paged();
        api.MapGet(SystemScorecard, (HttpContext h, string id, ScorecardApi a, CancellationToken ct) => a.SystemAsync(h, id, ct)).WithName("GetSystemScorecard").Produces<ScorecardResponse>().Errors()
            .WithQuery("from", "Start of the period (ISO 8601 UTC); default 30 days before `to`.", required: false).WithQuery("to", "End of the period (ISO 8601 UTC); default now.", required: false);
        api.MapGet(FleetScorecard, (HttpContext h, ScorecardApi a, CancellationToken ct) => a.FleetAsync(h, ct)).WithName("GetFleetScorecard").Produces<FleetScorecardList>().Errors()
            .Paged(ListParameters.Text("vendor", "Only systems of this vendor."), ListParameters.Text("customer", "Only systems of this customer."),
                ListParameters.Time("from", "Start of the period; default 30 days before `to`."), ListParameters.Time("to", "End of the period; default now."));
        var act = "/" + PageRoutes.Act;
        app.MapGet(act, (HttpContext h, string token, ActionLinksApi a, CancellationToken ct) => a.GetAsync(h, token, ct)).WithName("ShowActionLink").Pages();
        app.MapPost(act, (HttpContext h, string token, ActionLinksApi a, CancellationToken ct) => a.PostAsync(h, token, ct)).WithName("UseActionLink").Pages();
        app.MapGet("/" + ConsoleRoutes.Home, (HttpContext h, SessionPages p, CancellationToken ct) => p.HomeAsync(h, ct)).WithName("ConsoleHome").Pages();
        app.MapPost("/" + ConsoleRoutes.Session, (HttpContext h, SessionPages p, CancellationToken ct) => p.SignInAsync(h, ct)).WithName("ConsoleSignIn").Pages();
        app.MapPost("/" + ConsoleRoutes.SessionEnd, (HttpContext h, SessionPages p, CancellationToken ct) => p.SignOutAsync(h, ct)).WithName("ConsoleSignOut").Pages();
        app.MapGet("/" + ConsoleRoutes.Stylesheet, (HttpContext h, SessionPages p, CancellationToken ct) => p.StylesheetAsync(h, ct)).WithName("ConsoleStylesheet").Produces<string>(200, "text/css");
        app.MapGet("/" + ConsoleRoutes.Fleet, (HttpContext h, FleetPage p, CancellationToken ct) => p.GetAsync(h, ct)).WithName("ConsoleFleet").Pages();
        app.MapGet("/" + ConsoleRoutes.System, (HttpContext h, string id, SystemPage p, CancellationToken ct) => p.GetAsync(h, id, ct)).WithName("ConsoleSystem").Pages();
        app.MapGet("/" + ConsoleRoutes.Alert, (HttpContext h, string id, AlertPage p, CancellationToken ct) => p.GetAsync(h, id, ct)).WithName("ConsoleAlert").Pages();
        app.MapPost("/" + ConsoleRoutes.AlertAcknowledge, (HttpContext h, string id, AlertPage p, CancellationToken ct) => p.AcknowledgeAsync(h, id, ct)).WithName("ConsoleAcknowledgeAlert").Pages();
        return app;
    }

    /// <summary>An HTML page: 200, or 404 (altered link, unknown action), 410 (expired link), 409 and 503 (try again).</summary>
    private static RouteHandlerBuilder Pages(this RouteHandlerBuilder builder) => builder
        .Produces<string>(200, "text/html").Produces<string>(404, "text/html").Produces<string>(409, "text/html")
        .Produces<string>(410, "text/html").Produces<string>(503, "text/html");

    private static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(400, ProblemJson).ProducesProblem(401, ProblemJson).ProducesProblem(403, ProblemJson)
        .ProducesProblem(404, ProblemJson).ProducesProblem(409, ProblemJson).ProducesProblem(412, ProblemJson)
        .ProducesProblem(413, ProblemJson).ProducesProblem(503, ProblemJson);
}
