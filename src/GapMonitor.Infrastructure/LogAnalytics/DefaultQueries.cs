namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>
/// The KQL GapMonitor runs when a system's <c>telemetry.logAnalytics</c> names no query of its own. A customer replaces
/// either per system; a replacement must project the same columns (named below) and should end with
/// <c>order by TimeGenerated asc</c>. The time range comes from the request's <c>timespan</c>, so the queries carry none.
/// </summary>
public static class DefaultQueries
{
    /// <summary>Column of both queries: when the event happened (UTC).</summary>
    public const string TimeColumn = "TimeGenerated";

    /// <summary>Deployment column: the model version deployed.</summary>
    public const string ModelVersionColumn = "ModelVersion";

    /// <summary>Deployment column: where it was deployed.</summary>
    public const string EnvironmentColumn = "Environment";

    /// <summary>Deployment column: who deployed.</summary>
    public const string ByColumn = "By";

    /// <summary>Monitoring-run column: <c>ok</c> or <c>fail</c>.</summary>
    public const string StatusColumn = "Status";

    /// <summary>Monitoring-run column: what ran and, when it failed, why.</summary>
    public const string MessageColumn = "Message";

    /// <summary>
    /// Successful creations and updates of Azure ML online deployments, from the subscription's Activity Log
    /// (<c>AzureActivity</c>, exported to the workspace by a diagnostic setting). The Activity Log does not record which
    /// model a deployment serves, so the deployment's name stands for the model version (name deployments after the
    /// version, e.g. <c>v7</c>) and the endpoint's name for the environment; a vendor that records the model version
    /// elsewhere (a custom table, <c>AmlOnlineEndpointConsoleLog</c>) replaces this query.
    /// </summary>
    public const string Deployments = """
        AzureActivity
        | where OperationNameValue =~ "MICROSOFT.MACHINELEARNINGSERVICES/WORKSPACES/ONLINEENDPOINTS/DEPLOYMENTS/WRITE"
        | where ActivityStatusValue in~ ("Success", "Succeeded")
        | extend Endpoint = extract(@"(?i)/onlineendpoints/([^/]+)", 1, _ResourceId),
                 Deployment = extract(@"(?i)/deployments/([^/]+)", 1, _ResourceId)
        | project TimeGenerated, ModelVersion = Deployment, Environment = Endpoint, By = Caller
        | order by TimeGenerated asc
        """;

    /// <summary>
    /// Finished runs of the vendor's monitoring jobs on Azure ML compute (<c>AmlComputeJobEvent</c>, from the
    /// workspace's diagnostic setting): a succeeded job is an <c>ok</c> heartbeat, a failed one a <c>fail</c>. Jobs are
    /// recognised by <c>monitor</c> in their experiment or job name; change <c>monitorJobs</c> to the vendor's naming,
    /// or replace the query (e.g. with <c>AzureDiagnostics</c> rows of a pipeline) when monitoring runs elsewhere.
    /// </summary>
    public const string MonitoringRuns = """
        let monitorJobs = "monitor";
        AmlComputeJobEvent
        | where EventType in ("JobSucceeded", "JobFailed")
        | where ExperimentName contains monitorJobs or JobName contains monitorJobs
        | project TimeGenerated,
                  Status = iff(EventType == "JobSucceeded", "ok", "fail"),
                  Message = strcat(ExperimentName, "/", JobName, iff(isnotempty(JobErrorMessage), strcat(": ", JobErrorMessage), ""))
        | order by TimeGenerated asc
        """;
}
