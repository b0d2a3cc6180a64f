using GapMonitor.Core.Alerts;
using GapMonitor.Core.Delivery;
using GapMonitor.Core.Evaluation;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Delivery;

public class UnreachableContactRulesTests
{
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gap?token=secret-token";
    private const string OtherCustomerEmail = "oncall@acme.example";
    private const string VendorEmail = "ops@modelworks.example";

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly UnreachableContactRules _rules;
    private readonly SystemEvaluator _evaluator;

    public UnreachableContactRulesTests()
    {
        var ids = new IdGenerator(_time);
        var fanOut = new NotificationFanOut(ids);
        var transitions = new AlertTransitions(ids, fanOut);
        _rules = new UnreachableContactRules(ids, fanOut, transitions);
        _evaluator = new SystemEvaluator(transitions, _rules);
    }

    [Fact]
    public void GivenUpWebhook_OpensNamingItsHost_ToEveryOtherContactOfBothParties_NeverToIt()
    {
        var changes = Apply(System(), null, GivenUp(CustomerHook));

        var opened = Assert.Single(changes.CreatedAlerts);
        Assert.Equal(AlertKinds.ContactUnreachable, opened.Kind);
        Assert.Equal(["hooks.acme.example"], opened.Contacts);
        Assert.DoesNotContain("secret-token", opened.Summary, StringComparison.Ordinal);
        Assert.Equal([CustomerHook], changes.UpdatedSystem!.Signals.UnreachableContacts);
        Assert.Equal(
            new[] { CustomerEmail, OtherCustomerEmail, VendorEmail }.Order(),
            changes.Notifications.Select(n => n.Target).Order());
        Assert.All(changes.Notifications, n => Assert.Equal(NotificationTypes.Opened, n.Type));
        var body = NotificationEnvelope.FromJson(changes.Notifications[0].Body);
        Assert.Equal("hooks.acme.example", body.Data.Alert!.Contact);
        Assert.Single(changes.Audit);
    }

    [Fact]
    public void GivenUpWebhook_UnderASilence_OpensSilencedTellingNobody_AndBothPartiesHearWhenItEnds()
    {
        var now = _time.GetUtcNow();
        var silenced = System() with { Silences = [new SilenceWindow("s1", [AlertKinds.ContactUnreachable], now - TimeSpan.FromMinutes(1), now + TimeSpan.FromHours(1))] };

        var changes = Apply(silenced, null, GivenUp(CustomerHook));

        var opened = Assert.Single(changes.CreatedAlerts);
        Assert.True(opened.Silenced);
        Assert.Empty(changes.Notifications);
        _time.Advance(TimeSpan.FromHours(2));
        var ended = _evaluator.Evaluate(changes.UpdatedSystem! with { Silences = [] }, [opened], _time.GetUtcNow());
        var told = ended.Notifications.Where(n => n.AlertId == opened.Id).Select(n => n.Target).Order();
        Assert.Equal(new[] { CustomerEmail, OtherCustomerEmail, VendorEmail }.Order(), told);
    }

    [Fact]
    public void GivenUpEmail_OfAContactWithAWebhookToo_StillTellsThatContactsWebhook()
    {
        var system = new SystemBuilder()
            .WithContact(new Contact(Party.Customer, CustomerEmail, new WebhookEndpoint(new Uri(CustomerHook), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
            .WithEmail(Party.Vendor, VendorEmail)
            .Build();

        var changes = Apply(system, null, GivenUp(CustomerEmail));

        Assert.Equal(new[] { CustomerHook, VendorEmail }.Order(), changes.Notifications.Select(n => n.Target).Order());
    }

    [Fact]
    public void LaterDelivery_ToTheOnlyUnreachableContact_Resolves_AndTellsEveryoneIncludingIt()
    {
        var (system, alert) = Opened(CustomerHook);
        _time.Advance(TimeSpan.FromHours(1));

        var changes = Apply(system, alert, Reached(CustomerHook));

        var resolved = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Contains("hooks.acme.example", resolved.Resolution, StringComparison.Ordinal);
        Assert.Empty(changes.UpdatedSystem!.Signals.UnreachableContacts);
        Assert.Contains(changes.Notifications, n => n.Target == CustomerHook && n.Type == NotificationTypes.Resolved);
    }

    [Fact]
    public void SecondContactGivenUp_WhileOpen_IsNamedToo_AndOnlyTheStillReachableAreTold()
    {
        var (system, alert) = Opened(CustomerHook);

        var changes = Apply(system, alert, GivenUp(CustomerEmail));

        var renamed = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Open, renamed.State);
        Assert.Equal(["hooks.acme.example", CustomerEmail], renamed.Contacts);
        Assert.Equal(new[] { OtherCustomerEmail, VendorEmail }.Order(), changes.Notifications.Select(n => n.Target).Order());
        Assert.All(changes.Notifications, n => Assert.Equal(NotificationTypes.Reminder, n.Type));
        Assert.Empty(changes.CreatedAlerts);
    }

    [Fact]
    public void OneOfTwoUnreachableReachedAgain_StaysOpenNamingTheOther_WithoutTellingAnyone()
    {
        var (system, alert) = Opened(CustomerHook, CustomerEmail);

        var changes = Apply(system, alert, Reached(CustomerEmail));

        var renamed = Assert.Single(changes.UpdatedAlerts);
        Assert.Equal(AlertState.Open, renamed.State);
        Assert.Equal(["hooks.acme.example"], renamed.Contacts);
        Assert.Empty(changes.Notifications);
        Assert.Equal([CustomerHook], changes.UpdatedSystem!.Signals.UnreachableContacts);
    }

    [Fact]
    public void GivenUpNotificationAboutContactUnreachable_WhenNoneIsOpen_OpensNothing()
    {
        var changes = Apply(System(), null, new DeliveryFact(CustomerEmail, Reached: false, AboutUnreachableContact: true));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void GivenUpNotificationAboutContactUnreachable_WhileOpen_OnlyNamesTheContact_AndTellsNobody()
    {
        var (system, alert) = Opened(CustomerHook);

        var changes = Apply(system, alert, new DeliveryFact(VendorEmail, Reached: false, AboutUnreachableContact: true));

        Assert.Equal(["hooks.acme.example", VendorEmail], Assert.Single(changes.UpdatedAlerts).Contacts);
        Assert.Empty(changes.Notifications);
    }

    [Fact]
    public void DeliveryToAReachableContact_ChangesNothing()
    {
        var changes = Apply(System(), null, Reached(CustomerEmail), Reached(CustomerHook));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void SameGivenUpTwice_OpensOnce()
    {
        var (system, alert) = Opened(CustomerHook);

        var changes = Apply(system, alert, GivenUp(CustomerHook));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void GivenUpForAContactNoLongerOnTheSystem_OpensNothing()
    {
        var changes = Apply(System(), null, GivenUp("https://old.acme.example/hook"));

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Sweep_WhenTheUnreachableContactWasRemoved_Resolves()
    {
        var (system, alert) = Opened(CustomerHook);
        var edited = system with { Contacts = [.. system.Contacts.Where(c => c.Webhook is null)] };

        var changes = _evaluator.Evaluate(edited, [alert], _time.GetUtcNow());

        var resolved = Assert.Single(changes.UpdatedAlerts, a => a.Kind == AlertKinds.ContactUnreachable);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Contains("no longer among the contacts", resolved.Resolution, StringComparison.Ordinal);
        Assert.Empty(changes.UpdatedSystem!.Signals.UnreachableContacts);
    }

    [Fact]
    public void Sweep_WhenOneOfTwoUnreachableContactsWasRemoved_StaysOpenNamingTheOther()
    {
        var (system, alert) = Opened(CustomerHook, CustomerEmail);
        var edited = system with { Contacts = [.. system.Contacts.Where(c => c.Webhook is null)] };

        var changes = _evaluator.Evaluate(edited, [alert], _time.GetUtcNow());

        Assert.Equal([CustomerEmail], Assert.Single(changes.UpdatedAlerts, a => a.Kind == AlertKinds.ContactUnreachable).Contacts);
        Assert.DoesNotContain(changes.Notifications, n => n.AlertId == alert.Id);
    }

    [Fact]
    public void Sweep_RemindsAnOpenContactUnreachable_OnlyToReachableContacts()
    {
        var (system, alert) = Opened(CustomerHook);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var changes = _evaluator.Evaluate(system with { Signals = system.Signals with { LastHeartbeatAt = _time.GetUtcNow() } }, [alert], _time.GetUtcNow());

        var reminders = changes.Notifications.Where(n => n.AlertId == alert.Id).ToList();
        Assert.NotEmpty(reminders);
        Assert.DoesNotContain(reminders, n => n.Target == CustomerHook);
    }

    private static MonitoredSystem System() => new SystemBuilder()
        .WithEmail(Party.Customer, CustomerEmail)
        .WithWebhook(Party.Customer, CustomerHook)
        .WithEmail(Party.Customer, OtherCustomerEmail)
        .WithEmail(Party.Vendor, VendorEmail)
        .Build();

    private (MonitoredSystem System, Alert Alert) Opened(params string[] targets)
    {
        var changes = Apply(System(), null, [.. targets.Select(GivenUp)]);
        return (changes.UpdatedSystem!, Assert.Single(changes.CreatedAlerts));
    }

    private SystemChangeSet Apply(MonitoredSystem system, Alert? active, params DeliveryFact[] facts)
    {
        var changes = new SystemChangeSet(system.Id);
        _rules.Apply(changes, system, active, facts, _time.GetUtcNow());
        return changes;
    }

    private static DeliveryFact GivenUp(string target) => new(target, Reached: false, AboutUnreachableContact: false, "HTTP 410 Gone");

    private static DeliveryFact Reached(string target) => new(target, Reached: true, AboutUnreachableContact: false);
}
