using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using GapMonitor.Core.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;

namespace GapMonitor.Composition;

/// <summary>
/// The Functions app's export of the monitor's own metrics (<see cref="GapMonitorMetrics"/>) to Azure Monitor (Application Insights <c>customMetrics</c>)
/// through OpenTelemetry, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. Metrics only: logs, requests and
/// dependencies stay with the Application Insights worker SDK that the Functions app's Program.cs registers, so nothing is sent twice.
/// <c>UseFunctionsWorkerDefaults()</c> (Microsoft.Azure.Functions.Worker.OpenTelemetry) is deliberately not called: it
/// tells the host to stop emitting request telemetry on the worker's behalf, which only a worker exporting traces
/// through OpenTelemetry may do; here the invocations would vanish from Application Insights.
/// </summary>
public static class AzureMonitorMetricsExport
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD;ClientId=…</c> when the component refuses its key (DisableLocalAuth): then the exporter signs in as that identity.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The Function App's name (Azure sets it); the metrics' cloud role, as the host's own telemetry.</summary>
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    public static IServiceCollection AddGapMonitorMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var credential = EntraIdCredential(configuration[AuthenticationStringSetting]);
        var siteName = configuration[SiteNameSetting];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(string.IsNullOrWhiteSpace(siteName) ? "gapmonitor-functions" : siteName))
            .WithMetrics(metrics => metrics
                .AddMeter(GapMonitorMetrics.MeterName)
                .AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString, credential));
        return services;
    }

    /// <summary>The user-assigned managed identity named by <c>Authorization=AAD;ClientId=…</c>, or null without <c>Authorization=AAD</c>.</summary>
    public static TokenCredential? EntraIdCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
