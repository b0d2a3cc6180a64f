using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Reliability;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Delivery;

/// <summary>contact-unreachable through sweeps on Azurite with the real SMTP sender and a real SMTP server that refuses one recipient with 550.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContactUnreachableDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SystemId = "acme-mail";
    private const string Gone = "gone@acme.example";
    private const string Reachable = "mlops@acme.example";
    private const string Vendor = "support@contoso.example";
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private TestSmtpServer _smtp = null!;
    private StorageTables _tables = null!;
    private ServiceProvider _graph = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _smtp.RejectedRecipients[Gone] = true;
        _tables = await azurite.CreateTablesAsync(_prefix);
        var system = new SystemBuilder().WithId(SystemId).RegisteredAt(_time.GetUtcNow())
            .WithEmail(Party.Customer, Gone).WithEmail(Party.Customer, Reachable).WithEmail(Party.Vendor, Vendor).Build();
        await new TableSystemStore(_tables).CreateAsync(system, new AuditEntry(Guid.NewGuid().ToString("N"), SystemId, _time.GetUtcNow(), "admin", "system.registered"));
        _graph = await ReliabilityGraph.BuildAsync(azurite.ConnectionString, _prefix, _time, _smtp.Port);
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _smtp.DisposeAsync();
        await AzuriteFixture.DeleteStorageAsync(_prefix);
    }

    [Fact]
    public async Task Smtp550OnOneRecipient_IsGivenUpAtOnce_AndContactUnreachableGoesToTheOthersOnly()
    {
        var first = await Sweep().RunAsync();
        await Sweep().RunAsync();

        Assert.Equal(1, first.NotificationsFailed);
        var stored = (await new TableSystemStore(_tables).GetAsync(SystemId))!;
        Assert.Equal([Gone], stored.System.Signals.UnreachableContacts);
        var alert = Assert.Single(stored.ActiveAlerts, a => a.Kind == AlertKinds.ContactUnreachable);
        Assert.Equal([Gone], alert.Contacts);
        var history = (await new TableAlertStore(_tables).GetAsync(alert.Id))!;
        Assert.Equal(new[] { Reachable, Vendor }.Order(), history.Notifications.Select(n => n.Target).Order());
        Assert.All(history.Notifications, n => Assert.Equal(NotificationState.Delivered, n.State));
        var mails = _smtp.Messages.Where(m => m.Headers["X-GapMonitor-Alert-Id"] == alert.Id).ToList();
        Assert.Equal(new[] { Reachable, Vendor }.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Contains(Gone, mails[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentRuns_ReportingTheSameGivenUpContact_OpenItOnce()
    {
        var store = new TableSystemStore(_tables);
        var system = (await store.GetAsync(SystemId))!.System;
        var ids = new IdGenerator(_time);
        var envelope = new NotificationEnvelope(NotificationTypes.Opened, _time.GetUtcNow(), new NotificationData(
            new AlertSnapshot($"{SystemId}.x", AlertKinds.MonitoringSilent, "open", SystemId, _time.GetUtcNow(), "silent"), SystemSnapshot.Of(system)));
        var givenUp = new NotificationFanOut(ids).ToContacts(system, [system.Contacts[0]], envelope)[0] with { State = NotificationState.Failed, Attempts = 1 };
        var reachability = _graph.GetRequiredService<ContactReachability>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => reachability.RecordAsync(SystemId, [givenUp]))));

        var stored = (await store.GetAsync(SystemId))!;
        var alert = Assert.Single(stored.ActiveAlerts, a => a.Kind == AlertKinds.ContactUnreachable);
        var audit = await store.GetAuditAsync(SystemId, 100);
        Assert.Single(audit, e => e.Action == "alert.opened" && e.AlertId == alert.Id);
        Assert.Equal(2, (await new TableAlertStore(_tables).GetAsync(alert.Id))!.Notifications.Count);
    }

    private SweepService Sweep() => _graph.GetRequiredService<SweepService>();
}
