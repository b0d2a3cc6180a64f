using GapMonitor.Core.Alerts;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>A silence's row, the system row the sweep reads it from, its notice and its audit entry: all or nothing.</summary>
[Collection(AzuriteCollection.Name)]
public class SilenceStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private TableSilenceStore _silences = null!;
    private SilenceNotices _notices = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _silences = new TableSilenceStore(Tables);
        var ids = new IdGenerator(Time);
        _notices = new SilenceNotices(ids, new NotificationFanOut(ids));
    }

    [Fact]
    public async Task Create_WritesTheSilenceRowTheSystemRowTheNoticeAndTheAuditTogether()
    {
        await CreateAsync(Contactable("sys-quiet"));
        var creation = new SilenceCreation(Systems, _notices, new IdGenerator(Time), Time);

        var outcome = await creation.CreateAsync(
            new SilenceDraft("sys-quiet", [AlertKinds.DriftDetected], null, Time.GetUtcNow().AddHours(2), "Retraining"),
            SilenceAuthor.Of(new Principal(Role.Vendor, "k", Vendor: "modelworks")));

        var silence = outcome.Silence!;
        Assert.Equivalent(silence, await _silences.GetAsync(silence.Id), strict: true);
        var system = (await Systems.GetAsync("sys-quiet"))!.System;
        Assert.Equivalent(new[] { silence.Window }, system.Silences, strict: true);
        Assert.True(system.IsSilenced(AlertKinds.DriftDetected, Time.GetUtcNow()));
        var notices = await RowsAsync("sys-quiet", "notification-");
        Assert.Equal(["silence.created"], notices.Select(n => n.GetString("Type")).Distinct());
        Assert.All(notices, n => Assert.Equal("Customer", n.GetString("Party")));
        Assert.Contains(await Systems.GetAuditAsync("sys-quiet", 10), a => a.Action == "silence.created");
    }

    [Fact]
    public async Task Apply_WhenTheSystemChangedSinceRead_WritesNeitherTheSilenceNorItsNoticeNorTheSystemRow()
    {
        var created = await CreateAsync(Contactable("sys-quiet-stale"));
        await Systems.UpdateAsync(created with { Name = "Changed meanwhile" }, Audit("sys-quiet-stale", "system.updated"));
        var silence = Silence("sys-quiet-stale");
        var changes = new SystemChangeSet("sys-quiet-stale");
        changes.Save(silence);
        changes.UpdateSystem(created with { Silences = [silence.Window] });
        changes.Add(_notices.Created(created, silence, "vendor:modelworks", Time.GetUtcNow()));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Systems.ApplyAsync(changes, created));

        Assert.Null(await _silences.GetAsync(silence.Id));
        var system = (await Systems.GetAsync("sys-quiet-stale"))!.System;
        Assert.Empty(system.Silences);
        Assert.Equal("Changed meanwhile", system.Name);
        Assert.Empty(await RowsAsync("sys-quiet-stale", "notification-"));
        Assert.DoesNotContain(await Systems.GetAuditAsync("sys-quiet-stale", 10), a => a.Action == "silence.created");
    }

    [Fact]
    public async Task End_RecordsWhoEndedIt_DropsItFromTheSystemRow_AndASecondEndChangesNothing()
    {
        await CreateAsync(Contactable("sys-quiet-end"));
        var creation = new SilenceCreation(Systems, _notices, new IdGenerator(Time), Time);
        var ending = new SilenceEnding(Systems, _silences, _notices, Time);
        var admin = new Principal(Role.Admin, "k");
        var silence = (await creation.CreateAsync(new SilenceDraft("sys-quiet-end", null, null, Time.GetUtcNow().AddHours(2), "Move"), SilenceAuthor.Of(admin))).Silence!;
        Time.Advance(TimeSpan.FromMinutes(10));

        var ended = await ending.EndAsync(silence.Id, admin.Name, admin.CanSee);
        var again = await ending.EndAsync(silence.Id, admin.Name, admin.CanSee);

        Assert.Equal(SilenceResult.Ended, ended.Result);
        Assert.Equal(SilenceResult.AlreadyEnded, again.Result);
        var stored = (await _silences.GetAsync(silence.Id))!;
        Assert.Equal(Time.GetUtcNow(), stored.EndedAt);
        Assert.Equal(Time.GetUtcNow(), stored.EndsAt);
        Assert.Equal("admin", stored.EndedBy);
        Assert.Empty((await Systems.GetAsync("sys-quiet-end"))!.System.Silences);
        Assert.Single(await Systems.GetAuditAsync("sys-quiet-end", 20), a => a.Action == "silence.ended");
        var active = await _silences.ListPageAsync(new SilenceQuery("sys-quiet-end", Active: true, Time.GetUtcNow()), PageRequest.First());
        Assert.Empty(active.Items);
        var inactive = await _silences.ListPageAsync(new SilenceQuery("sys-quiet-end", Active: false, Time.GetUtcNow()), PageRequest.First());
        Assert.Equal([silence.Id], inactive.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task AnAlertSilencedFlag_RoundTrips()
    {
        var system = await CreateAsync(Contactable("sys-quiet-alert"));
        var opened = await OpenAsync(system);
        var silenced = Transitions.MarkSilenced(system, opened, Time.GetUtcNow());
        var changes = new SystemChangeSet(system.Id);
        changes.Add(silenced);

        await Systems.ApplyAsync(changes);

        Assert.True(Assert.Single((await Systems.GetAsync("sys-quiet-alert"))!.ActiveAlerts).Silenced);
    }

    private Silence Silence(string systemId) => new()
    {
        Id = $"{systemId}.{Guid.NewGuid():N}",
        SystemId = systemId,
        Kinds = [AlertKinds.DriftDetected],
        StartsAt = Time.GetUtcNow(),
        EndsAt = Time.GetUtcNow().AddHours(1),
        Reason = "Retraining",
        By = "sam",
        CreatedBy = SilenceCreator.Vendor,
        CreatedAt = Time.GetUtcNow(),
    };

    private static MonitoredSystem Contactable(string id) => new SystemBuilder().WithId(id)
        .WithEmail(Party.Vendor, "ops@modelworks.example")
        .WithEmail(Party.Customer, "ml@acme.example")
        .WithWebhook(Party.Customer, "https://hooks.acme.example/gm")
        .Build();
}
