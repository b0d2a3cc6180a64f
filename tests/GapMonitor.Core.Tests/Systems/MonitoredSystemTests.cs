using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Core.Tests.Systems;

public class MonitoredSystemTests
{
    private static readonly TimeSpan VendorGrace = TimeSpan.FromDays(14);

    public static TheoryData<TimeSpan, Party> SinceHandover => new()
    {
        { -TimeSpan.FromDays(3), Party.Vendor },
        { TimeSpan.Zero, Party.Vendor },
        { VendorGrace - TimeSpan.FromTicks(1), Party.Vendor },
        { VendorGrace, Party.Customer },
        { VendorGrace + TimeSpan.FromTicks(1), Party.Customer },
        { TimeSpan.FromDays(365), Party.Customer },
    };

    [Theory]
    [MemberData(nameof(SinceHandover))]
    public void OperationsOwnerAt_WhenTimeHasPassedSinceHandover_IsVendorUntilGraceEndsThenCustomer(TimeSpan sinceHandover, Party expected)
    {
        var handoverAt = SystemBuilder.Epoch;
        var time = new FakeTimeProvider(handoverAt - TimeSpan.FromDays(30));
        var system = new SystemBuilder().HandedOverAt(handoverAt).WithVendorGracePeriod(VendorGrace).Build();

        time.SetUtcNow(handoverAt + sinceHandover);

        Assert.Equal(expected, system.OperationsOwnerAt(time.GetUtcNow()));
    }

    [Fact]
    public void ContactsOf_WhenBothPartiesHaveContacts_ReturnsOnlyThatParty()
    {
        var system = new SystemBuilder()
            .WithEmail(Party.Vendor, "ops@modelworks.example")
            .WithEmail(Party.Customer, "ml@acme.example")
            .WithWebhook(Party.Customer, "https://hooks.acme.example/gapmonitor")
            .Build();

        var customer = system.ContactsOf(Party.Customer).ToList();

        Assert.Equal(2, customer.Count);
        Assert.All(customer, c => Assert.Equal(Party.Customer, c.Party));
    }
}
