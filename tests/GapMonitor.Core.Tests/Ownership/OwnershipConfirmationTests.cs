using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Ownership;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Ownership;

/// <summary>Who may confirm ownership, and what a confirmation writes together.</summary>
public class OwnershipConfirmationTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch + TimeSpan.FromDays(10));
    private readonly InMemorySystemStore _store = new();
    private readonly AlertTransitions _transitions;
    private readonly OwnershipConfirmation _confirmation;

    public OwnershipConfirmationTests()
    {
        _transitions = new AlertTransitions(new IdGenerator(_time));
        _confirmation = new OwnershipConfirmation(_store, _transitions, _time);
    }

    [Fact]
    public async Task ConfirmAsync_ByTheCustomer_RecordsItResolvesTheOverdueAlertAndTellsBothParties()
    {
        var system = Overdue();
        var alert = _transitions.Open(system, AlertKinds.OwnershipUnconfirmed, "overdue", SystemBuilder.Epoch + TimeSpan.FromDays(8), [Party.Customer, Party.Vendor]).Alert;
        _store.Add(system);
        await _store.ApplyAsync(WithCreated(system, alert));

        var result = await _confirmation.ConfirmAsync(new Principal(Role.Customer, "k1", Customer: "acme"), system.Id, "dana@acme.example", "We run it now");

        Assert.Equal(OwnershipConfirmationOutcome.Confirmed, result.Outcome);
        var now = _time.GetUtcNow();
        Assert.Equal(new OwnershipConfirmationRecord(now, "dana@acme.example", "customer:acme", "We run it now"), result.System!.Handover!.LastConfirmation);
        Assert.Equal(now + TimeSpan.FromDays(90), OwnershipRules.DueAt(result.System));
        Assert.Equal(OwnershipState.Confirmed, OwnershipRules.StateAt(result.System, now));
        Assert.Empty((await _store.GetAsync(system.Id))!.ActiveAlerts);

        var applied = _store.Applied[^1];
        Assert.Equal(AlertState.Resolved, Assert.Single(applied.UpdatedAlerts).State);
        Assert.Equal(["ownership.confirmed", "alert.resolved"], applied.Audit.Select(a => a.Action).ToArray());
        Assert.All(applied.Audit, a => Assert.Equal("customer:acme", a.Actor));
        var confirmed = applied.Notifications.Where(n => n.Type == NotificationTypes.OwnershipConfirmed).ToList();
        Assert.Equivalent(new[] { Party.Customer, Party.Vendor }, confirmed.Select(n => n.Party).ToArray(), strict: true);
        Assert.Contains("dana@acme.example", NotificationEnvelope.FromJson(confirmed[0].Body).Data.Message, StringComparison.Ordinal);
        Assert.Equal(result.System, (await _store.GetAsync(system.Id))!.System);
    }

    [Fact]
    public async Task ConfirmAsync_WithoutBy_UsesTheCallersName()
    {
        _store.Add(Overdue());

        var result = await _confirmation.ConfirmAsync(new Principal(Role.Admin, "admin"), "acme-churn", by: null, note: null);

        Assert.Equal("admin", result.System!.Handover!.LastConfirmation!.By);
    }

    [Theory]
    [InlineData(Role.Vendor, "modelworks", null, OwnershipConfirmationOutcome.Forbidden)]
    [InlineData(Role.Customer, "modelworks", "acme", OwnershipConfirmationOutcome.Forbidden)]
    [InlineData(Role.Customer, null, "globex", OwnershipConfirmationOutcome.NotFound)]
    [InlineData(Role.Vendor, "other-vendor", null, OwnershipConfirmationOutcome.NotFound)]
    [InlineData(Role.Customer, "other-vendor", "acme", OwnershipConfirmationOutcome.NotFound)]
    public async Task ConfirmAsync_ByAnyoneButTheCustomerOrAdmin_ChangesNothing(Role role, string? vendor, string? customer, OwnershipConfirmationOutcome expected)
    {
        _store.Add(Overdue());

        var result = await _confirmation.ConfirmAsync(new Principal(role, "k", vendor, customer), "acme-churn", "someone", null);

        Assert.Equal(expected, result.Outcome);
        Assert.Empty(_store.Applied);
    }

    [Fact]
    public async Task ConfirmAsync_ForALinkRecipient_WritesWhatTheCallerAddsInTheSameChangeSet()
    {
        _store.Add(Overdue());
        var marker = new AuditEntry("link-used", "acme-churn", _time.GetUtcNow(), "ml@acme.example", "link.used");

        var result = await _confirmation.ConfirmAsync("acme-churn", "ml@acme.example", null, "ml@acme.example", changes => changes.AddAudit(marker));

        Assert.Equal(OwnershipConfirmationOutcome.Confirmed, result.Outcome);
        Assert.Equal("ml@acme.example", result.System!.Handover!.LastConfirmation!.Actor);
        var applied = Assert.Single(_store.Applied);
        Assert.Contains(marker, applied.Audit);
        Assert.Equal("ml@acme.example", applied.Audit.Single(a => a.Action == "ownership.confirmed").Actor);
    }

    [Fact]
    public async Task ConfirmAsync_RetiredSystem_IsRefused()
    {
        _store.Add(Overdue() with { RetiredAt = SystemBuilder.Epoch });

        var result = await _confirmation.ConfirmAsync(new Principal(Role.Customer, "k1", Customer: "acme"), "acme-churn", null, null);

        Assert.Equal(OwnershipConfirmationOutcome.Retired, result.Outcome);
        Assert.Empty(_store.Applied);
    }

    [Fact]
    public async Task ConfirmAsync_KeepsTheLatestFiftyConfirmationsNewestFirst()
    {
        _store.Add(Overdue());
        var customer = new Principal(Role.Customer, "k1", Customer: "acme");

        for (var i = 0; i < HandoverProgress.MaxConfirmations + 5; i++)
        {
            await _confirmation.ConfirmAsync(customer, "acme-churn", $"person-{i}", null);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var history = (await _store.GetAsync("acme-churn"))!.System.Handover!.Confirmations;
        Assert.Equal(HandoverProgress.MaxConfirmations, history.Count);
        Assert.Equal("person-54", history[0].By);
        Assert.Equal("person-5", history[^1].By);
    }

    /// <summary>Handed over at the epoch, first confirmation due after 7 days, not confirmed: overdue at the test's clock.</summary>
    private static MonitoredSystem Overdue() =>
        new SystemBuilder()
            .RegisteredAt(SystemBuilder.Epoch)
            .HandedOverAt(SystemBuilder.Epoch)
            .WithOwnership(TimeSpan.FromDays(7), TimeSpan.FromDays(90))
            .WithHandover(new HandoverProgress { StartedNoticeAt = SystemBuilder.Epoch })
            .WithEmail(Party.Customer, "ml@acme.example")
            .WithEmail(Party.Vendor, "ops@modelworks.example")
            .Build();

    private static SystemChangeSet WithCreated(MonitoredSystem system, Alert alert)
    {
        var changes = new SystemChangeSet(system.Id);
        changes.Add(new AlertTransition(alert, IsNew: true, [], new AuditEntry("a1", system.Id, alert.OpenedAt, Actors.Sweep, "alert.opened")));
        return changes;
    }
}
