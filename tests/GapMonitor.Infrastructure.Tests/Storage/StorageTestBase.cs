using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>Fresh tables (own prefix) per test, the stores over them, and a fake clock; the tables are dropped afterwards.</summary>
public abstract class StorageTestBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    protected FakeTimeProvider Time { get; } = new(SystemBuilder.Epoch);

    protected StorageTables Tables { get; private set; } = null!;

    protected TableSystemStore Systems { get; private set; } = null!;

    protected AlertTransitions Transitions { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Tables = await Azurite.CreateTablesAsync(TablePrefix);
        Systems = new TableSystemStore(Tables);
        Transitions = new AlertTransitions(new IdGenerator(Time));
    }

    public Task DisposeAsync() => AzuriteFixture.DeleteStorageAsync(TablePrefix);

    protected AuditEntry Audit(string systemId, string action = "system.registered") =>
        new(Guid.NewGuid().ToString("N"), systemId, Time.GetUtcNow(), "admin", action);

    protected async Task<MonitoredSystem> CreateAsync(MonitoredSystem system) => await Systems.CreateAsync(system, Audit(system.Id));

    /// <summary>Opens an alert of <paramref name="kind"/> through the store; returns it as stored (with its ETag).</summary>
    protected async Task<Alert> OpenAsync(MonitoredSystem system, string kind = AlertKinds.MonitoringSilent)
    {
        var changes = new SystemChangeSet(system.Id);
        changes.Add(Transitions.Open(system, kind, $"{kind} on {system.Id}", Time.GetUtcNow()));
        await Systems.ApplyAsync(changes);
        var stored = await Systems.GetAsync(system.Id);
        return Assert.Single(stored!.ActiveAlerts, a => a.Kind == kind);
    }

    protected async Task ApplyAsync(AlertTransition transition)
    {
        var changes = new SystemChangeSet(transition.Alert.SystemId);
        changes.Add(transition);
        await Systems.ApplyAsync(changes);
    }

    protected async Task<List<Alert>> QueryAlertsAsync(AlertQuery query)
    {
        var alerts = new List<Alert>();
        await foreach (var alert in new TableAlertStore(Tables).QueryAsync(query))
        {
            alerts.Add(alert);
        }

        return alerts;
    }

    /// <summary>
    /// The raw rows of one system whose row key starts with <paramref name="prefix"/>: live, and those moved to the
    /// archive (history is moved there once finished).
    /// </summary>
    protected async Task<List<TableEntity>> RowsAsync(string systemId, string prefix) =>
        [.. await RowsAsync(Tables.Systems, systemId, prefix), .. await RowsAsync(Tables.Archive, systemId, prefix)];

    /// <summary>The raw rows of one system's live partition whose row key starts with <paramref name="prefix"/>.</summary>
    protected Task<List<TableEntity>> LiveRowsAsync(string systemId, string prefix) => RowsAsync(Tables.Systems, systemId, prefix);

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string systemId, string prefix)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {prefix} and RowKey lt {end}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
