using GapMonitor.Api.Contracts;
using GapMonitor.Core.Systems;

namespace GapMonitor.Api.Requests;

/// <summary>Checks the <c>telemetry</c> part of a system body field by field.</summary>
internal static class TelemetryValidator
{
    private const int MaxQueryLength = 10_000;

    public static TelemetrySettings? Build(Validation v, TelemetryRequest request)
    {
        InferenceLogSettings? inferenceLog = null;
        if (request.InferenceLog is { } log)
        {
            if (!Uri.TryCreate(log.ContainerUri, UriKind.Absolute, out var container) || (container.Scheme != Uri.UriSchemeHttps && container.Scheme != Uri.UriSchemeHttp)
                || container.AbsolutePath.Trim('/').Length == 0 || !string.IsNullOrEmpty(container.UserInfo))
            {
                v.Add("telemetry.inferenceLog.containerUri", "An absolute http(s) URI of a blob container, optionally with a SAS query.");
            }

            var prefix = log.Prefix?.Trim('/') ?? "";
            if (prefix.Length > 512 || prefix.Contains('\\', StringComparison.Ordinal) || prefix.Contains("..", StringComparison.Ordinal))
            {
                v.Add("telemetry.inferenceLog.prefix", "A blob name prefix of at most 512 characters, like modelDataCollector/endpoint/deployment/model_inputs.");
            }

            if (container is not null)
            {
                inferenceLog = new InferenceLogSettings(container, prefix);
            }
        }

        LogAnalyticsSettings? logAnalytics = null;
        if (request.LogAnalytics is { } la)
        {
            if (!Guid.TryParse(la.WorkspaceId, out var workspace))
            {
                v.Add("telemetry.logAnalytics.workspaceId", "The workspace (customer) id, a GUID.");
            }

            if (la.DeploymentsQuery?.Length > MaxQueryLength)
            {
                v.Add("telemetry.logAnalytics.deploymentsQuery", $"At most {MaxQueryLength} characters.");
            }

            if (la.MonitoringRunsQuery?.Length > MaxQueryLength)
            {
                v.Add("telemetry.logAnalytics.monitoringRunsQuery", $"At most {MaxQueryLength} characters.");
            }

            logAnalytics = new LogAnalyticsSettings(workspace, la.DeploymentsQuery, la.MonitoringRunsQuery);
        }

        var window = SystemRequestValidator.Duration(v, "telemetry.driftWindow", request.DriftWindow, TelemetrySettings.DefaultDriftWindow, allowZero: false);
        if (window < TimeSpan.FromSeconds(1))
        {
            v.Add("telemetry.driftWindow", "At least PT1S.");
        }

        var staleAfter = SystemRequestValidator.Duration(v, "telemetry.staleAfter", request.StaleAfter, TelemetrySettings.DefaultStaleAfter, allowZero: false);
        var clean = request.CleanWindowsToResolve ?? TelemetrySettings.DefaultCleanWindowsToResolve;
        if (clean is < 1 or > 100)
        {
            v.Add("telemetry.cleanWindowsToResolve", "Between 1 and 100.");
        }

        return new TelemetrySettings
        {
            InferenceLog = inferenceLog,
            LogAnalytics = logAnalytics,
            DriftWindow = window,
            StaleAfter = staleAfter,
            CleanWindowsToResolve = clean,
        };
    }
}
