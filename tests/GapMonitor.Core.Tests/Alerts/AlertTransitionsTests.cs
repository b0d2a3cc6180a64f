using System.Text.Json;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Alerts;

public class AlertTransitionsTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly AlertTransitions _transitions;

    public AlertTransitionsTests() => _transitions = new AlertTransitions(new IdGenerator(_time));

    [Fact]
    public void Open_WhenOwnerHasSeveralContactsAndChannels_CreatesOneNotificationPerContactAndChannel()
    {
        var system = new SystemBuilder()
            .WithContact(new Contact(Party.Customer, "ml@acme.example", new WebhookEndpoint(new Uri("https://hooks.acme.example/gm?team=ml"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
            .WithEmail(Party.Customer, "oncall@acme.example")
            .WithEmail(Party.Vendor, "ops@modelworks.example")
            .Build();

        var transition = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow());

        Assert.True(transition.IsNew);
        Assert.Equal(
            [
                (NotificationChannel.Email, "ml@acme.example"),
                (NotificationChannel.Email, "oncall@acme.example"),
                (NotificationChannel.Webhook, "https://hooks.acme.example/gm?team=ml"),
            ],
            transition.Notifications.Select(n => (n.Channel, n.Target)).Order());
        Assert.All(transition.Notifications, n =>
        {
            Assert.Equal(NotificationTypes.Opened, n.Type);
            Assert.Equal(Party.Customer, n.Party);
            Assert.Equal(system.Id, n.SystemId);
            Assert.Equal(transition.Alert.Id, n.AlertId);
            Assert.Equal(NotificationState.Pending, n.State);
            Assert.Equal(_time.GetUtcNow(), n.CreatedAt);
            Assert.Equal(_time.GetUtcNow(), n.NextAttemptAt);
            Assert.Equal(0, n.Attempts);
        });
        Assert.Equal(3, transition.Notifications.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Open_WhenOwnerHasNoContacts_StillOpensWithAuditButNoNotifications()
    {
        var system = new SystemBuilder().WithEmail(Party.Vendor, "ops@modelworks.example").Build();

        var transition = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow());

        Assert.Empty(transition.Notifications);
        Assert.Equal("alert.opened", transition.Audit.Action);
    }

    [Fact]
    public void Open_WhenNotified_BodyMatchesWebhookShapeOfApiContract()
    {
        var system = new SystemBuilder().WithId("acme-churn").WithName("Churn model").WithVendor("modelworks").WithCustomer("acme")
            .WithWebhook(Party.Customer, "https://hooks.acme.example/gm").Build();
        _time.Advance(TimeSpan.FromMilliseconds(250));

        var transition = _transitions.Open(system, AlertKinds.MonitoringSilent, "No heartbeat since handover.", _time.GetUtcNow());

        using var json = JsonDocument.Parse(Assert.Single(transition.Notifications).Body);
        var root = json.RootElement;
        Assert.Equal("alert.opened", root.GetProperty("type").GetString());
        Assert.Equal("2026-03-02T08:00:00.25Z", root.GetProperty("timestamp").GetString());
        var alert = root.GetProperty("data").GetProperty("alert");
        Assert.Equal(transition.Alert.Id, alert.GetProperty("id").GetString());
        Assert.Equal("monitoring-silent", alert.GetProperty("kind").GetString());
        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.Equal("acme-churn", alert.GetProperty("systemId").GetString());
        Assert.Equal("2026-03-02T08:00:00.25Z", alert.GetProperty("openedAt").GetString());
        Assert.Equal("No heartbeat since handover.", alert.GetProperty("summary").GetString());
        Assert.False(alert.TryGetProperty("acknowledgedAt", out _));
        var snapshot = root.GetProperty("data").GetProperty("system");
        Assert.Equal("acme-churn", snapshot.GetProperty("id").GetString());
        Assert.Equal("Churn model", snapshot.GetProperty("name").GetString());
        Assert.Equal("modelworks", snapshot.GetProperty("vendor").GetString());
        Assert.Equal("acme", snapshot.GetProperty("customer").GetString());
    }

    [Fact]
    public void Escalate_WhenOpenedForCustomer_TellsVendorAndRemembersBothParties()
    {
        var system = new SystemBuilder().WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build();
        var opened = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow()).Alert;
        _time.Advance(system.AcknowledgeWithin);

        var transition = _transitions.Escalate(system, opened, _time.GetUtcNow());

        var notification = Assert.Single(transition.Notifications);
        Assert.Equal((NotificationTypes.Escalated, Party.Vendor, "ops@modelworks.example"), (notification.Type, notification.Party, notification.Target));
        Assert.Equal([Party.Customer, Party.Vendor], transition.Alert.NotifiedParties);
        Assert.Equal("alert.escalated", transition.Audit.Action);
        Assert.Equal(Actors.Sweep, transition.Audit.Actor);
    }

    [Fact]
    public void Escalate_WhenOpenedWithinVendorGraceAndGraceEndedSince_TellsCustomerOnce()
    {
        var system = new SystemBuilder().HandedOverAt(_time.GetUtcNow() - TimeSpan.FromDays(14) + TimeSpan.FromHours(1))
            .WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build();
        var opened = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow()).Alert;
        _time.Advance(TimeSpan.FromHours(4));

        var transition = _transitions.Escalate(system, opened, _time.GetUtcNow());

        Assert.Equal(Party.Vendor, opened.OwnerAtOpening);
        var notification = Assert.Single(transition.Notifications);
        Assert.Equal(Party.Customer, notification.Party);
    }

    [Fact]
    public void Acknowledge_WhenOpen_RecordsWhoAndWhenAndTellsNotifiedParties()
    {
        var system = new SystemBuilder().WithEmail(Party.Customer, "ml@acme.example").WithEmail(Party.Vendor, "ops@modelworks.example").Build();
        var opened = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow()).Alert;
        _time.Advance(TimeSpan.FromMinutes(7));

        var transition = _transitions.Acknowledge(system, opened, "dana@acme.example", "on it", _time.GetUtcNow(), "customer:acme");

        Assert.Equal(AlertState.Acknowledged, transition.Alert.State);
        Assert.Equal(_time.GetUtcNow(), transition.Alert.AcknowledgedAt);
        Assert.Equal("dana@acme.example", transition.Alert.AcknowledgedBy);
        Assert.Equal("on it", transition.Alert.AcknowledgementNote);
        Assert.Equal(Party.Customer, Assert.Single(transition.Notifications).Party);
        Assert.Equal(("alert.acknowledged", "customer:acme"), (transition.Audit.Action, transition.Audit.Actor));
    }

    [Fact]
    public void Resolve_WhenEscalated_BodyCarriesResolvedStateAndResolution()
    {
        var system = new SystemBuilder().WithWebhook(Party.Customer, "https://hooks.acme.example/gm").WithWebhook(Party.Vendor, "https://hooks.modelworks.example/gm").Build();
        var opened = _transitions.Open(system, AlertKinds.MonitoringSilent, "silent", _time.GetUtcNow()).Alert;
        var escalated = _transitions.Escalate(system, opened, _time.GetUtcNow() + system.AcknowledgeWithin).Alert;

        var transition = _transitions.Resolve(system, escalated, "fresh heartbeat", _time.GetUtcNow() + TimeSpan.FromHours(5));

        Assert.Equal([Party.Vendor, Party.Customer], transition.Notifications.Select(n => n.Party).Order());
        var body = NotificationEnvelope.FromJson(transition.Notifications[0].Body);
        Assert.Equal(NotificationTypes.Resolved, body.Type);
        Assert.Equal("resolved", body.Data.Alert!.State);
        Assert.Equal("fresh heartbeat", body.Data.Alert.Resolution);
        Assert.Equal(escalated.EscalatedAt, body.Data.Alert.EscalatedAt);
    }
}
