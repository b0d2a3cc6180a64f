using Azure.Core;
using Azure.Identity;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry.Sources;
using GapMonitor.Infrastructure.LogAnalytics;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Infrastructure.Tests.Sweeping;
using GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;
using GapMonitor.Infrastructure.Webhooks;
using GapMonitor.Testing;
using GapMonitor.Testing.LogAnalytics;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>
/// The service identity cannot get a token (no managed identity, <c>DefaultAzureCredential</c> finding nothing): the
/// source that needs it records a readable error on the system's telemetry state, and the system's other source is
/// still pulled. The real puller against Azurite and the fake Log Analytics service.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryPullerCredentialTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string Customer = "acme";
    private const string SecretDetail = "client secret 'hunter2-do-not-show'";
    private static readonly Guid Workspace = Guid.Parse("0c9f0a1b-5d1c-4f7a-9a51-6f0b2b4e2c3d");

    [Fact]
    public async Task PullAsync_WhenLogAnalyticsCannotGetAToken_RecordsItOnTheSourceAndStillReadsTheInferenceLog()
    {
        await using var workspace = await FakeLogAnalyticsService.StartAsync();
        var credential = new FailingTokenCredential(() => new AuthenticationFailedException("ManagedIdentityCredential authentication failed: " + SecretDetail));
        var log = new DataCollectorLog(await AzuriteFixture.NewContainerAsync());
        var written = Time.GetUtcNow().AddMinutes(-30);
        await log.UploadAsync(written, "part-0000.jsonl", log.Records(written, count: 3, rowsEach: 2));
        await using var graph = await BuildAsync(credential, new LogAnalyticsQueryClient(workspace.Endpoint, credential, workspace.ClientOptions()));
        await RegisterAsync(graph, new InferenceLogSettings(RealClockSas.ReadAndList(log.Container), log.Prefix));

        var summary = await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        var (state, _) = await graph.GetRequiredService<ITelemetryStateStore>().GetAsync("cred-la");
        Assert.Equal(new PullSummary(6, 0), summary);
        Assert.Equal(3, state!.RecordsRead);
        Assert.StartsWith("Log Analytics: the service identity could not get a token", state.LastPullError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", state.LastPullError, StringComparison.Ordinal);
        Assert.Null(state.DeploymentsQueriedUntil);
        Assert.True(credential.Calls > 0, "the Log Analytics client never asked the credential");
        Assert.Empty(workspace.Requests);
        await log.Container.DeleteAsync();
    }

    [Fact]
    public async Task PullAsync_WhenTheInferenceLogCannotGetAToken_RecordsItOnTheSourceAndStillQueriesLogAnalytics()
    {
        await using var workspace = await FakeLogAnalyticsService.StartAsync();
        var credential = new FailingTokenCredential(() => new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token: " + SecretDetail));
        await using var graph = await BuildAsync(credential, new LogAnalyticsQueryClient(workspace.Endpoint, new FixedTokenCredential("test-token"), workspace.ClientOptions()));

        // No SAS: read with the service's own credential, which is allowed because the customer's list names the container.
        var container = new Uri("https://127.0.0.1:1/acme-data-collector");
        await RegisterAsync(graph, new InferenceLogSettings(container, "modelDataCollector/churn/blue/model_inputs"), container);

        var summary = await graph.GetRequiredService<TelemetryPuller>().PullAsync();

        var (state, _) = await graph.GetRequiredService<ITelemetryStateStore>().GetAsync("cred-la");
        Assert.Equal(new PullSummary(0, 0), summary);
        Assert.StartsWith("Inference log: the service identity could not get a token", state!.LastPullError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", state.LastPullError, StringComparison.Ordinal);
        Assert.True(credential.Calls > 0, "the blob client never asked the credential");
        Assert.NotNull(state.DeploymentsQueriedUntil);
        Assert.NotNull(state.MonitoringRunsQueriedUntil);
        Assert.NotEmpty(workspace.Requests);
    }

    /// <summary>The product's telemetry registration over its one <see cref="TokenCredential"/>, with local (loopback) sources allowed.</summary>
    private async Task<ServiceProvider> BuildAsync(TokenCredential credential, LogAnalyticsQueryClient logAnalytics)
    {
        var graph = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, services =>
        {
            services.Configure<WebhookOptions>(o => o.AllowPrivateNetworks = true);
            services.AddSingleton(credential);
            services.AddSingleton(logAnalytics);
            services.AddGapMonitorTelemetry();
        });
        await graph.GetRequiredService<TelemetryBlobs>().EnsureCreatedAsync();
        return graph;
    }

    private async Task RegisterAsync(IServiceProvider graph, InferenceLogSettings inferenceLog, params Uri[] listedContainers)
    {
        await graph.GetRequiredService<ICustomerSourceStore>().PutAsync(
            new CustomerSources(Customer, listedContainers, [Workspace], null, Time.GetUtcNow(), "admin"));
        var system = new SystemBuilder().WithId("cred-la").WithCustomer(Customer)
            .RegisteredAt(Time.GetUtcNow() - TimeSpan.FromDays(1)).HandedOverAt(Time.GetUtcNow() - TimeSpan.FromDays(30))
            .Build() with
        {
            Telemetry = new TelemetrySettings
            {
                InferenceLog = inferenceLog,
                LogAnalytics = new LogAnalyticsSettings(Workspace, null, null),
                DriftWindow = TimeSpan.FromHours(1),
            },
        };
        await CreateAsync(system);
    }
}
