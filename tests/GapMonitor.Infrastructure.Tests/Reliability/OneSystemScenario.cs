using GapMonitor.Core.Audit;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Reliability;

/// <summary>One system with one contact on Azurite, the real senders, and a fake clock; the system goes silent on the first sweep.</summary>
internal sealed class OneSystemScenario : IAsyncDisposable
{
    public const string SystemId = "faulty-receiver";
    private static readonly TimeSpan UntilSilent = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);
    private readonly ServiceProvider _graph;
    private readonly StorageTables _tables;
    private readonly string _prefix;

    private OneSystemScenario(ServiceProvider graph, StorageTables tables, string prefix, FakeTimeProvider time)
    {
        _graph = graph;
        _tables = tables;
        _prefix = prefix;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    /// <param name="storageProxy">When given, the service reaches Table Storage only through it (the test's own reads do not).</param>
    public static async Task<OneSystemScenario> StartAsync(
        AzuriteFixture azurite, FakeTimeProvider time, Contact contact, int? smtpPort = null, CuttableTcpProxy? storageProxy = null, Action<IServiceCollection>? configure = null)
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var tables = await azurite.CreateTablesAsync(prefix);
        var system = new SystemBuilder().WithId(SystemId).RegisteredAt(time.GetUtcNow()).WithContact(contact).Build();
        await new TableSystemStore(tables).CreateAsync(system, new AuditEntry(Guid.NewGuid().ToString("N"), SystemId, time.GetUtcNow(), "admin", "system.registered"));
        var connectionString = storageProxy is null ? azurite.ConnectionString : ReliabilityGraph.WithTablePort(azurite.ConnectionString, storageProxy.Port);
        var graph = await ReliabilityGraph.BuildAsync(connectionString, prefix, time, smtpPort, configure);
        time.Advance(UntilSilent);
        return new OneSystemScenario(graph, tables, prefix, time);
    }

    public Task<SweepSummary> SweepAsync() => _graph.GetRequiredService<SweepService>().RunAsync();

    /// <summary>The system's monitoring-silent alert with its notifications and attempts, as stored (a contact given up on opens contact-unreachable beside it).</summary>
    public async Task<AlertWithHistory> AlertAsync()
    {
        var system = await new TableSystemStore(_tables).GetAsync(SystemId);
        var alert = Assert.Single(system!.ActiveAlerts, a => a.Kind == Core.Alerts.AlertKinds.MonitoringSilent);
        return (await new TableAlertStore(_tables).GetAsync(alert.Id))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _graph.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_prefix);
    }
}
