using GapMonitor.Core.Alerts;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Delivery;

public class ContactReachabilityTests
{
    private const string CustomerHook = "https://hooks.acme.example/gap";
    private const string CustomerEmail = "ml@acme.example";
    private const string VendorEmail = "ops@modelworks.example";

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly InMemoryOutbox _outbox = new();
    private readonly InMemorySystemStore _systems;
    private readonly ContactReachability _reachability;
    private readonly NotificationFanOut _fanOut;

    public ContactReachabilityTests()
    {
        _systems = new InMemorySystemStore(_outbox);
        var ids = new IdGenerator(_time);
        _fanOut = new NotificationFanOut(ids);
        _reachability = new ContactReachability(_systems, new UnreachableContactRules(ids, _fanOut, new AlertTransitions(ids, _fanOut)), _time, NullLogger<ContactReachability>.Instance);
        _systems.Add(new SystemBuilder()
            .WithWebhook(Party.Customer, CustomerHook)
            .WithEmail(Party.Customer, CustomerEmail)
            .WithEmail(Party.Vendor, VendorEmail)
            .Build());
    }

    [Fact]
    public async Task GivenUpAlertNotification_OpensContactUnreachable_AndWritesItsNotificationsToTheOutbox()
    {
        await _reachability.RecordAsync("acme-churn", [Finished(CustomerHook, NotificationState.Failed, AlertKinds.MonitoringSilent)]);

        var alert = Assert.Single((await _systems.GetAsync("acme-churn"))!.ActiveAlerts);
        Assert.Equal(AlertKinds.ContactUnreachable, alert.Kind);
        Assert.Equal([CustomerHook], _systems["acme-churn"].Signals.UnreachableContacts);
        Assert.Equal(new[] { CustomerEmail, VendorEmail }.Order(), _outbox.All.Select(n => n.Target).Order());
    }

    [Fact]
    public async Task GivenUpContactUnreachableNotification_OpensNothing()
    {
        await _reachability.RecordAsync("acme-churn", [Finished(CustomerEmail, NotificationState.Failed, AlertKinds.ContactUnreachable)]);

        Assert.Empty((await _systems.GetAsync("acme-churn"))!.ActiveAlerts);
        Assert.Empty(_outbox.All);
    }

    [Fact]
    public async Task StillPendingNotifications_ChangeNothing()
    {
        await _reachability.RecordAsync("acme-churn", [Finished(CustomerHook, NotificationState.Pending, AlertKinds.MonitoringSilent)]);

        Assert.Empty(_systems.Applied);
    }

    [Fact]
    public async Task ThenDelivered_Resolves()
    {
        await _reachability.RecordAsync("acme-churn", [Finished(CustomerHook, NotificationState.Failed, AlertKinds.MonitoringSilent)]);
        _time.Advance(TimeSpan.FromMinutes(5));

        await _reachability.RecordAsync("acme-churn", [Finished(CustomerHook, NotificationState.Delivered, AlertKinds.MonitoringSilent)]);

        Assert.Empty((await _systems.GetAsync("acme-churn"))!.ActiveAlerts);
        Assert.Empty(_systems["acme-churn"].Signals.UnreachableContacts);
        Assert.Equal(AlertState.Resolved, _systems.Applied[^1].UpdatedAlerts.Single().State);
    }

    private Notification Finished(string target, NotificationState state, string kind)
    {
        var alert = new AlertSnapshot("acme-churn.x", kind, "open", "acme-churn", _time.GetUtcNow(), "summary");
        var system = _systems["acme-churn"];
        var envelope = new NotificationEnvelope(NotificationTypes.Opened, _time.GetUtcNow(), new NotificationData(alert, SystemSnapshot.Of(system)));
        var contact = system.Contacts.Single(c => c.Email == target || c.Webhook?.Url.AbsoluteUri == target);
        return _fanOut.ToContacts(system, [contact], envelope, alert.Id)[0] with { State = state, Attempts = 1, LastError = "failed" };
    }
}
