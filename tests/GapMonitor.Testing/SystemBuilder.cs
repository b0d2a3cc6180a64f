using GapMonitor.Core.Systems;

namespace GapMonitor.Testing;

/// <summary>
/// Test data for <see cref="MonitoredSystem"/>: a system handed over long ago (the customer owns operations),
/// heartbeat every hour with 30 minutes grace, acknowledgement within 4 hours, no contacts and no heartbeat yet.
/// Shared by the core and infrastructure tests.
/// </summary>
public sealed class SystemBuilder
{
    /// <summary>A fixed, whole-second moment the tests start from.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly List<Contact> _contacts = [];
    private string _id = "acme-churn";
    private string _name = "Churn model";
    private string _vendor = "modelworks";
    private string _customer = "acme";
    private DateTimeOffset _registeredAt = Epoch - TimeSpan.FromDays(30);
    private DateTimeOffset _handoverAt = Epoch - TimeSpan.FromDays(30);
    private TimeSpan _vendorGracePeriod = TimeSpan.FromDays(14);
    private TimeSpan _heartbeatPeriod = TimeSpan.FromHours(1);
    private TimeSpan _heartbeatGrace = TimeSpan.FromMinutes(30);
    private TimeSpan _acknowledgeWithin = TimeSpan.FromHours(4);
    private SignalState _signals = new();
    private DateTimeOffset? _retiredAt;

    /// <summary>
    /// Long settled: every handover notice already went out and the customer confirmed ownership at
    /// <see cref="Epoch"/>, reconfirming only every ten years, so tests of other rules see no handover traffic.
    /// </summary>
    private HandoverProgress? _handover = new()
    {
        StartedNoticeAt = Epoch - TimeSpan.FromDays(30),
        GraceEndingNoticeAt = Epoch - TimeSpan.FromDays(19),
        CompletedNoticeAt = Epoch - TimeSpan.FromDays(16),
        Confirmations = [new OwnershipConfirmationRecord(Epoch, "ml@acme.example", "customer:acme")],
    };

    private OwnershipSettings _ownership = new(TimeSpan.FromDays(7), TimeSpan.FromDays(3650));

    public SystemBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public SystemBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public SystemBuilder WithVendor(string vendor)
    {
        _vendor = vendor;
        return this;
    }

    public SystemBuilder WithCustomer(string customer)
    {
        _customer = customer;
        return this;
    }

    public SystemBuilder RegisteredAt(DateTimeOffset at)
    {
        _registeredAt = at;
        return this;
    }

    public SystemBuilder HandedOverAt(DateTimeOffset at)
    {
        _handoverAt = at;
        return this;
    }

    public SystemBuilder WithVendorGracePeriod(TimeSpan grace)
    {
        _vendorGracePeriod = grace;
        return this;
    }

    public SystemBuilder WithHeartbeatEvery(TimeSpan period, TimeSpan grace)
    {
        _heartbeatPeriod = period;
        _heartbeatGrace = grace;
        return this;
    }

    public SystemBuilder AcknowledgeWithin(TimeSpan within)
    {
        _acknowledgeWithin = within;
        return this;
    }

    public SystemBuilder WithEmail(Party party, string email)
    {
        _contacts.Add(new Contact(party, email, null));
        return this;
    }

    public SystemBuilder WithWebhook(Party party, string url, string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    {
        _contacts.Add(new Contact(party, null, new WebhookEndpoint(new Uri(url), secret)));
        return this;
    }

    public SystemBuilder WithContact(Contact contact)
    {
        _contacts.Add(contact);
        return this;
    }

    public SystemBuilder WithLastHeartbeat(DateTimeOffset at, HeartbeatStatus status = HeartbeatStatus.Ok, string? message = null)
    {
        _signals = _signals with
        {
            LastHeartbeatAt = at,
            LastHeartbeatStatus = status,
            LastHeartbeatMessage = message,
            LastOkHeartbeatAt = status == HeartbeatStatus.Ok ? at : _signals.LastOkHeartbeatAt,
        };
        return this;
    }

    /// <summary>The handover's progress (null: stored before ownership was tracked).</summary>
    public SystemBuilder WithHandover(HandoverProgress? progress)
    {
        _handover = progress;
        return this;
    }

    public SystemBuilder WithOwnership(TimeSpan confirmWithin, TimeSpan reconfirmEvery)
    {
        _ownership = new OwnershipSettings(confirmWithin, reconfirmEvery);
        return this;
    }

    public SystemBuilder RetiredAt(DateTimeOffset at)
    {
        _retiredAt = at;
        return this;
    }

    public MonitoredSystem Build() => new()
    {
        Id = _id,
        Name = _name,
        Vendor = _vendor,
        Customer = _customer,
        HandoverAt = _handoverAt,
        VendorGracePeriod = _vendorGracePeriod,
        Monitoring = new MonitoringSettings(_heartbeatPeriod, _heartbeatGrace),
        AcknowledgeWithin = _acknowledgeWithin,
        Contacts = [.. _contacts],
        RegisteredAt = _registeredAt,
        RetiredAt = _retiredAt,
        Signals = _signals,
        Ownership = _ownership,
        Handover = _handover,
    };
}
