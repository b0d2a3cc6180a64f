using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>Reminder settings and reminder bookkeeping survive storage; rows written before they existed read as the defaults.</summary>
[Collection(AzuriteCollection.Name)]
public class AlertingSettingsStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task GetAsync_ReturnsTheStoredAlertingSettings()
    {
        var alerting = new AlertingSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
        await CreateAsync(new SystemBuilder().WithId("alerting-set").WithEmail(Party.Customer, "ml@acme.example").Build() with { Alerting = alerting });

        Assert.Equal(alerting, (await Systems.GetAsync("alerting-set"))!.System.Alerting);
    }

    [Fact]
    public async Task GetAsync_WhenRowPredatesAlertingSettings_ReadsTheDefaults()
    {
        await CreateAsync(new SystemBuilder().WithId("alerting-old").WithEmail(Party.Customer, "ml@acme.example").Build()
            with
        { Alerting = new AlertingSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)) });
        var row = (await Tables.Systems.GetEntityAsync<TableEntity>("alerting-old", RowKeys.System)).Value;
        row.Remove("RemindEvery");
        row.Remove("AcknowledgementExpiresAfter");
        await Tables.Systems.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal(AlertingSettings.Default, (await Systems.GetAsync("alerting-old"))!.System.Alerting);
    }

    [Fact]
    public async Task ApplyAsync_KeepsWhenTheAlertWasLastNotifiedAndReopened()
    {
        var system = await CreateAsync(new SystemBuilder().WithId("alerting-alert").WithEmail(Party.Customer, "ml@acme.example").Build());
        var opened = Transitions.Open(system, AlertKinds.MonitoringSilent, "silent", Time.GetUtcNow());
        await ApplyAsync(opened);
        var stored = Assert.Single((await Systems.GetAsync(system.Id))!.ActiveAlerts);
        Assert.Equal(Time.GetUtcNow(), stored.LastNotifiedAt);

        Time.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = Transitions.Acknowledge(system, stored, "dana", null, Time.GetUtcNow(), "customer:acme");
        await ApplyAsync(acknowledged);
        Time.Advance(TimeSpan.FromDays(3));
        var reopened = Transitions.ExpireAcknowledgement(system, Assert.Single((await Systems.GetAsync(system.Id))!.ActiveAlerts), Time.GetUtcNow());
        await ApplyAsync(reopened);

        var final = Assert.Single((await Systems.GetAsync(system.Id))!.ActiveAlerts);
        Assert.Equal((AlertState.Open, Time.GetUtcNow(), Time.GetUtcNow()), (final.State, final.ReopenedAt, final.LastNotifiedAt));
    }
}
