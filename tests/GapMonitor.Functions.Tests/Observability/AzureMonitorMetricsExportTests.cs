using Azure.Identity;
using GapMonitor.Composition;
using GapMonitor.Core.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace GapMonitor.Functions.Tests.Observability;

/// <summary>Program.cs's OpenTelemetry registration: the GapMonitor meter goes to Azure Monitor only with a connection string.</summary>
public sealed class AzureMonitorMetricsExportTests
{
    // Nothing listens there: the exporter's own periodic export (once a minute) never happens within a test.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    [Fact]
    public void WithAConnectionString_TheGapMonitorMeterIsExported()
    {
        var exported = new CapturingExporter();
        using var reader = new BaseExportingMetricReader(exported);
        using var provider = Services(new() { [AzureMonitorMetricsExport.ConnectionStringSetting] = ConnectionString }, reader);

        Assert.NotNull(provider.GetService<MeterProvider>());
        var metrics = provider.GetRequiredService<GapMonitorMetrics>();
        metrics.SweepCompleted(TimeSpan.FromSeconds(2), systemsEvaluated: 3, systemsFailed: 1, DateTimeOffset.UnixEpoch);
        metrics.NotificationsGivenUp(1);
        reader.Collect();

        Assert.Contains("gapmonitor.sweep.completed", exported.Names);
        Assert.Contains("gapmonitor.notifications.given_up", exported.Names);
        Assert.Contains("gapmonitor.sweep.duration", exported.Names);
    }

    [Fact]
    public void WithoutAConnectionString_NoOpenTelemetryIsRegistered()
    {
        using var provider = Services([], reader: null);

        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555", true)]
    [InlineData("authorization = aad", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Authorization=Key", false)]
    public void EntraIdCredential_OnlyWithAuthorizationAad(string? authenticationString, bool expected)
    {
        var credential = AzureMonitorMetricsExport.EntraIdCredential(authenticationString);

        Assert.Equal(expected, credential is ManagedIdentityCredential);
        Assert.Equal(expected, credential is not null);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, MetricReader? reader)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<GapMonitorMetrics>();
        services.AddGapMonitorMetricsExport(configuration);
        if (reader is not null)
        {
            services.ConfigureOpenTelemetryMeterProvider(b => b.AddReader(reader));
        }

        return services.BuildServiceProvider();
    }

    private sealed class CapturingExporter : BaseExporter<Metric>
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                Names.Add(metric.Name);
            }

            return ExportResult.Success;
        }
    }
}
