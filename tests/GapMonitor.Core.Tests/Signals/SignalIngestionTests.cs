using GapMonitor.Core.Alerts;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Signals;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Signals;

public sealed class SignalIngestionTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch.AddHours(6));
    private readonly InMemorySystemStore _systems = new();
    private readonly RecordingSignalHistory _history = new();
    private readonly SystemEvaluator _evaluator;
    private readonly SignalIngestion _ingestion;

    public SignalIngestionTests()
    {
        _evaluator = new SystemEvaluator(new AlertTransitions(new IdGenerator(_time)));
        _ingestion = new SignalIngestion(_history, new SystemSignals(_systems, _evaluator, _time), _time);
    }

    [Fact]
    public async Task Heartbeat_OnASilentSystem_ResolvesItsAlertInTheSameWrite()
    {
        var silent = new SystemBuilder().WithId("silent").WithLastHeartbeat(SystemBuilder.Epoch).Build();
        _systems.Add(silent);
        await _systems.ApplyAsync(_evaluator.Evaluate(silent, [], _time.GetUtcNow()), silent);
        var opened = Assert.Single(Assert.Single(_systems.Applied).CreatedAlerts);

        await _ingestion.RecordHeartbeatAsync(silent, HeartbeatStatus.Ok, at: null, message: null);

        Assert.Equal(_time.GetUtcNow(), _systems["silent"].Signals.LastHeartbeatAt);
        var resolved = Assert.Single(_systems.Applied[^1].UpdatedAlerts);
        Assert.Equal((opened.Id, AlertState.Resolved), (resolved.Id, resolved.State));
        Assert.Single(_history.Heartbeats);
    }

    [Fact]
    public async Task OlderHeartbeat_IsKeptInHistory_ButDoesNotChangeTheLatestState()
    {
        var latest = _time.GetUtcNow() - TimeSpan.FromMinutes(1);
        var system = new SystemBuilder().WithId("up").WithLastHeartbeat(latest).Build();
        _systems.Add(system);

        await _ingestion.RecordHeartbeatAsync(system, HeartbeatStatus.Fail, latest - TimeSpan.FromMinutes(10), "late arrival");

        Assert.Equal((latest, HeartbeatStatus.Ok), (_systems["up"].Signals.LastHeartbeatAt, _systems["up"].Signals.LastHeartbeatStatus));
        Assert.Empty(_systems.Applied);
        Assert.Equal("late arrival", Assert.Single(_history.Heartbeats).Message);
    }

    [Fact]
    public async Task FailingHeartbeat_KeepsTheLastOkTime()
    {
        var lastOk = _time.GetUtcNow() - TimeSpan.FromMinutes(5);
        var system = new SystemBuilder().WithId("flaky").WithLastHeartbeat(lastOk).Build();
        _systems.Add(system);

        await _ingestion.RecordHeartbeatAsync(system, HeartbeatStatus.Fail, at: null, "disk full");

        var signals = _systems["flaky"].Signals;
        Assert.Equal((HeartbeatStatus.Fail, "disk full", lastOk), (signals.LastHeartbeatStatus, signals.LastHeartbeatMessage, signals.LastOkHeartbeatAt));
    }

    [Fact]
    public async Task Deployment_OnlyANewerOneMovesTheDeployedVersion()
    {
        var system = new SystemBuilder().WithId("model").WithLastHeartbeat(_time.GetUtcNow()).Build();
        _systems.Add(system);

        await _ingestion.RecordDeploymentAsync(system, "v2", _time.GetUtcNow(), "prod", "ci");
        await _ingestion.RecordDeploymentAsync(_systems["model"], "v1", _time.GetUtcNow() - TimeSpan.FromDays(1), "prod", "ci");

        Assert.Equal(("v2", _time.GetUtcNow()), (_systems["model"].Signals.LastDeployedModelVersion, _systems["model"].Signals.LastDeploymentAt));
        Assert.Equal(["v2", "v1"], _history.Deployments.Select(d => d.ModelVersion));
    }

    private sealed class RecordingSignalHistory : ISignalHistory
    {
        public List<Heartbeat> Heartbeats { get; } = [];

        public List<DeploymentEvent> Deployments { get; } = [];

        public Task AppendAsync(Heartbeat heartbeat, CancellationToken cancellationToken = default)
        {
            Heartbeats.Add(heartbeat);
            return Task.CompletedTask;
        }

        public Task AppendAsync(DeploymentEvent deployment, CancellationToken cancellationToken = default)
        {
            Deployments.Add(deployment);
            return Task.CompletedTask;
        }

        public Task AppendAsync(IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<MetricPoint>> RecentMetricsAsync(string systemId, string? name, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<MetricPoint>>([]);

        public Task<ResultPage<MetricPoint>> MetricsPageAsync(string systemId, string? name, PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ResultPage<MetricPoint>([], null));

        public Task<IReadOnlyList<Heartbeat>> RecentHeartbeatsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Heartbeat>>(Heartbeats);

        public Task<IReadOnlyList<DeploymentEvent>> RecentDeploymentsAsync(string systemId, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DeploymentEvent>>(Deployments);
    }
}
