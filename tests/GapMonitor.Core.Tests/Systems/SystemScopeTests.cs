using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Testing;
using Moq;

namespace GapMonitor.Core.Tests.Systems;

public class SystemScopeTests
{
    private static readonly SystemWithAlerts Acme = new(new SystemBuilder().WithId("acme-churn").WithVendor("modelworks").WithCustomer("acme").Build(), []);

    private readonly Mock<ISystemStore> _store = new(MockBehavior.Strict);

    [Fact]
    public async Task FindAsync_WhenInTheCallersScope_ReturnsTheStoredSystem()
    {
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(Acme);

        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Customer, "k1", Customer: "acme"), "acme-churn");

        Assert.Same(Acme, found);
    }

    [Fact]
    public async Task FindAsync_WhenAnotherTenantsSystem_IsNotFound()
    {
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(Acme);

        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Vendor, "k1", Vendor: "othervendor"), "acme-churn");

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_WhenACustomerKeyOfAnotherVendorAsksForTheSameCustomersSystem_IsNotFound()
    {
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(Acme);

        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Customer, "k1", Vendor: "othervendor", Customer: "acme"), "acme-churn");

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_WhenACustomerKeyOfTheSystemsVendor_ReturnsTheStoredSystem()
    {
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(Acme);

        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Customer, "k1", Vendor: "modelworks", Customer: "acme"), "acme-churn");

        Assert.Same(Acme, found);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Acme-Churn")]
    [InlineData("acme/churn")]
    public async Task FindAsync_WhenIdIsMalformed_IsNotFoundWithoutReading(string id)
    {
        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Admin, "k1"), id);

        Assert.Null(found);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task FindAsync_WhenTheCallerAlreadyReadThisSystem_UsesItWithoutReading()
    {
        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Ingest, "k1", SystemId: "acme-churn"), "acme-churn", known: Acme);

        Assert.Same(Acme, found);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task FindAsync_WhenTheCallerReadAnotherSystem_ReadsTheOneAskedFor()
    {
        var other = new SystemWithAlerts(new SystemBuilder().WithId("acme-fraud").WithCustomer("acme").Build(), []);
        _store.Setup(s => s.GetAsync("acme-churn", It.IsAny<CancellationToken>())).ReturnsAsync(Acme);

        var found = await new SystemScope(_store.Object).FindAsync(new Principal(Role.Customer, "k1", Customer: "acme"), "acme-churn", known: other);

        Assert.Same(Acme, found);
    }
}
