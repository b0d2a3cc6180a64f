using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Notifications;
using GapMonitor.Core.Silences;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Tests.Support;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Silences;

public class SilenceCreationTests
{
    private const string VendorEmail = "ops@modelworks.example";
    private const string CustomerEmail = "ml@acme.example";
    private const string CustomerHook = "https://hooks.acme.example/gapmonitor";

    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly InMemorySystemStore _store = new();
    private readonly SilenceCreation _creation;

    public SilenceCreationTests()
    {
        var ids = new IdGenerator(_time);
        _creation = new SilenceCreation(_store, new SilenceNotices(ids, new NotificationFanOut(ids)), ids, _time);
        _store.Add(new SystemBuilder()
            .WithEmail(Party.Vendor, VendorEmail)
            .WithEmail(Party.Customer, CustomerEmail)
            .WithWebhook(Party.Customer, CustomerHook)
            .Build());
    }

    [Fact]
    public async Task CreateAsync_ByTheVendor_StoresItOnTheSystemRow_AndTellsOnlyTheCustomer()
    {
        var outcome = await _creation.CreateAsync(Draft([AlertKinds.DriftDetected]), SilenceAuthor.Of(new Principal(Role.Vendor, "k1", Vendor: "modelworks")));

        Assert.Equal(SilenceResult.Created, outcome.Result);
        var silence = outcome.Silence!;
        Assert.Equal(SilenceCreator.Vendor, silence.CreatedBy);
        Assert.Equal("vendor:modelworks", silence.By);
        Assert.Equal(_time.GetUtcNow(), silence.StartsAt);
        Assert.Equal([silence.Window], _store["acme-churn"].Silences);
        var changes = Assert.Single(_store.Applied);
        Assert.Equal([silence], changes.Silences);
        Assert.Equal(new[] { (Party.Customer, CustomerEmail), (Party.Customer, CustomerHook) }.Order(), changes.Notifications.Select(n => (n.Party, n.Target)).Order());
        Assert.All(changes.Notifications, n => Assert.Equal(NotificationTypes.SilenceCreated, n.Type));
        var data = NotificationEnvelope.FromJson(changes.Notifications[0].Body).Data;
        Assert.Equal(silence.Id, data.Silence!.Id);
        Assert.Equal("vendor", data.Silence.CreatedBy);
        Assert.NotNull(data.Title);
        Assert.NotNull(data.Action);
        Assert.Equal("silence.created", Assert.Single(changes.Audit).Action);
    }

    [Fact]
    public async Task CreateAsync_ByTheCustomer_TellsTheVendor_AndByTheAdmin_TellsBoth()
    {
        await _creation.CreateAsync(Draft(null), SilenceAuthor.Of(new Principal(Role.Customer, "k2", Customer: "acme")));
        await _creation.CreateAsync(Draft(null), SilenceAuthor.Of(new Principal(Role.Admin, "k3")));

        Assert.Equal([Party.Vendor], _store.Applied[0].Notifications.Select(n => n.Party).Distinct());
        Assert.Equal(new[] { Party.Customer, Party.Vendor }.Order(), _store.Applied[1].Notifications.Select(n => n.Party).Distinct().Order());
    }

    [Fact]
    public async Task CreateAsync_OutOfScope_IsNotFound_AndWritesNothing()
    {
        var outcome = await _creation.CreateAsync(Draft(null), SilenceAuthor.Of(new Principal(Role.Vendor, "k4", Vendor: "other")));

        Assert.Equal(SilenceResult.NotFound, outcome.Result);
        Assert.Empty(_store.Applied);
    }

    [Fact]
    public async Task CreateAsync_CallsAlsoWrite_OnTheChangeSetItWrites()
    {
        var linkUse = new AuditEntry("a1", "acme-churn", _time.GetUtcNow(), "ml@acme.example", "link.used");

        await _creation.CreateAsync(Draft([AlertKinds.MonitoringSilent]), SilenceAuthor.Of(new Principal(Role.Admin, "k5")), changes => changes.AddAudit(linkUse));

        Assert.Contains(linkUse, Assert.Single(_store.Applied).Audit);
    }

    [Fact]
    public async Task CreateAsync_BeyondFiftyCurrentSilences_IsRefused_WhileEndedOnesDoNotCount()
    {
        var admin = SilenceAuthor.Of(new Principal(Role.Admin, "k6"));
        var shortOne = Draft(null) with { EndsAt = _time.GetUtcNow() + TimeSpan.FromMinutes(1) };
        Assert.Equal(SilenceResult.Created, (await _creation.CreateAsync(shortOne, admin)).Result);
        for (var i = 1; i < SilenceRules.MaxPerSystem; i++)
        {
            Assert.Equal(SilenceResult.Created, (await _creation.CreateAsync(Draft(null), admin)).Result);
        }

        Assert.Equal(SilenceResult.TooMany, (await _creation.CreateAsync(Draft(null), admin)).Result);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SilenceResult.Created, (await _creation.CreateAsync(Draft(null), admin)).Result);
        Assert.Equal(SilenceRules.MaxPerSystem, _store["acme-churn"].Silences.Count);
    }

    [Fact]
    public async Task CreateAsync_AnInvalidDraft_NamesTheField()
    {
        var outcome = await _creation.CreateAsync(Draft(null) with { EndsAt = _time.GetUtcNow() + TimeSpan.FromDays(31) }, SilenceAuthor.Of(new Principal(Role.Admin, "k7")));

        Assert.Equal(SilenceResult.Invalid, outcome.Result);
        Assert.Equal("endsAt", Assert.Single(outcome.Errors!).Field);
    }

    private SilenceDraft Draft(IReadOnlyList<string>? kinds) =>
        new("acme-churn", kinds, null, _time.GetUtcNow() + TimeSpan.FromHours(8), "Retraining the model", null);
}
