using Azure.Data.Tables;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Sweeping;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Tests.Storage;
using GapMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace GapMonitor.Infrastructure.Tests.Sweeping;

/// <summary>A customer acknowledges at the very moment a sweep escalates: whichever is stored first, the other must see it.</summary>
[Collection(AzuriteCollection.Name)]
public class AcknowledgementRaceTests(AzuriteFixture azurite, ITestOutputHelper output) : StorageTestBase(azurite)
{
    private const int Iterations = 20;
    private static readonly TimeSpan AckWithin = TimeSpan.FromHours(1);
    private static readonly TimeSpan UntilDown = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);
    // The earlier systems' acknowledgements must outlast the whole run: an expiry would (rightly) escalate them again.
    private static readonly AlertingSettings AcknowledgementsThatLast = new(TimeSpan.FromDays(1), TimeSpan.FromDays(365));
    private static readonly Principal Customer = new(Role.Customer, "0123456789abcdef", Customer: "acme");

    [Fact]
    public async Task AcknowledgeAsync_WhenRacingAnEscalatingSweep_NeverEscalatesAfterTheAcknowledgement()
    {
        var email = new RecordingSender(NotificationChannel.Email);
        // History stays live here: the check below orders two audit rows by their server timestamps, which a move renews.
        await using var api = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        await using var timer = await SweepGraph.BuildAsync(Azurite, TablePrefix, Time, KeepHistoryLive, email);
        var escalatedFirst = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var systemId = $"race-{i:D2}";
            await CreateAsync(new SystemBuilder().WithId(systemId).RegisteredAt(Time.GetUtcNow()).AcknowledgeWithin(AckWithin)
                .WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build() with
            { Alerting = AcknowledgementsThatLast });
            Time.Advance(UntilDown);
            await timer.GetRequiredService<SweepService>().RunAsync();
            var opened = Assert.Single((await Systems.GetAsync(systemId))!.ActiveAlerts);
            Time.Advance(AckWithin);

            var acknowledge = Task.Run(() => api.GetRequiredService<AlertAcknowledgement>().AcknowledgeAsync(Customer, opened.Id, "dana@acme.example", "on it"));
            var sweep = Task.Run(() => timer.GetRequiredService<SweepService>().RunAsync());
            await Task.WhenAll(acknowledge, sweep);

            Assert.Equal(AcknowledgeOutcome.Acknowledged, await acknowledge);
            escalatedFirst += await AssertConsistentAsync(systemId, opened.Id) ? 1 : 0;
            Time.Advance(AckWithin * 3);
            await timer.GetRequiredService<SweepService>().RunAsync();
            Assert.Equal(AlertState.Acknowledged, Assert.Single((await Systems.GetAsync(systemId))!.ActiveAlerts).State);
            Assert.Equal(escalatedFirst, await CountAllEscalationsAsync());
        }

        output.WriteLine("{0} of {1} races: the escalation was stored before the acknowledgement", escalatedFirst, Iterations);
    }

    /// <summary>Checks the end state of one race; true when the escalation won it.</summary>
    private async Task<bool> AssertConsistentAsync(string systemId, string alertId)
    {
        var final = Assert.Single((await Systems.GetAsync(systemId))!.ActiveAlerts);
        Assert.Equal(AlertState.Acknowledged, final.State);
        var history = await new TableAlertStore(Tables).GetAsync(alertId);
        var escalations = history!.Notifications.Where(n => n.Type == NotificationTypes.Escalated).ToList();
        var acknowledgements = history.Notifications.Where(n => n.Type == NotificationTypes.Acknowledged).ToList();
        var acknowledgedBody = NotificationEnvelope.FromJson(acknowledgements[0].Body).Data.Alert!;
        var audit = await Systems.GetAuditAsync(systemId, 20);
        Assert.Single(audit, a => a.Action == "alert.acknowledged");

        if (final.EscalatedAt is null)
        {
            Assert.Empty(escalations);
            Assert.DoesNotContain(audit, a => a.Action == "alert.escalated");
            Assert.Null(acknowledgedBody.EscalatedAt);
            Assert.Equal([Party.Customer], acknowledgements.Select(n => n.Party));
            return false;
        }

        // The escalation came first, so the acknowledgement was decided on the escalated alert and told both parties.
        Assert.Equal(Party.Vendor, Assert.Single(escalations).Party);
        Assert.Single(audit, a => a.Action == "alert.escalated");
        Assert.Equal(final.EscalatedAt, acknowledgedBody.EscalatedAt);
        Assert.Equal([Party.Vendor, Party.Customer], acknowledgements.Select(n => n.Party).Order());
        // Audit rows are never modified, so their server timestamps order the two writes.
        var auditRows = await RowsAsync(systemId, "audit-");
        var escalationRow = Assert.Single(auditRows, r => r.GetString("Action") == "alert.escalated");
        var acknowledgementRow = Assert.Single(auditRows, r => r.GetString("Action") == "alert.acknowledged");
        Assert.True(escalationRow.Timestamp <= acknowledgementRow.Timestamp, "escalation stored after the acknowledgement");
        return true;
    }

    private static void KeepHistoryLive(IServiceCollection services) => services.RemoveAll<IHistoryArchive>();

    private async Task<int> CountAllEscalationsAsync()
    {
        var filter = TableClient.CreateQueryFilter($"Type eq {NotificationTypes.Escalated}");
        var count = 0;
        await foreach (var _ in Tables.Systems.QueryAsync<TableEntity>(filter))
        {
            count++;
        }

        return count;
    }
}
