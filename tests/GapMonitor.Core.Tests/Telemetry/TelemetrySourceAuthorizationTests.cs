using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Core.Tests.Telemetry;

public sealed class TelemetrySourceAuthorizationTests
{
    private static readonly Uri Listed = new("https://acmedata.blob.core.windows.net/azureml");
    private static readonly Guid Workspace = Guid.Parse("5b1f0c4e-2a51-4d6f-9d2b-7f3a1c2e4b60");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://evil.example/c")]
    [InlineData("https://acmedata.blob.core.windows.net/other")]
    [InlineData("https://acmedata.blob.core.windows.net:8443/azureml")]
    public void Refusals_ForAContainerWithoutSasThatIsNotListed_NameTheField(string uri)
    {
        var refusals = TelemetrySourceAuthorization.Refusals(WithLog(uri), null, callerIsAdmin: true, Sources(), allowPlainHttp: false);

        Assert.Equal(TelemetrySourceAuthorization.ContainerField, Assert.Single(refusals).Field);
    }

    [Theory]
    [InlineData("https://acmedata.blob.core.windows.net/azureml")]
    [InlineData("https://ACMEDATA.blob.core.windows.net/azureml/")]
    [InlineData("https://acmedata.blob.core.windows.net:443/azureml")]
    public void Refusals_ForAListedContainer_AreNone(string uri) =>
        Assert.Empty(TelemetrySourceAuthorization.Refusals(WithLog(uri), null, callerIsAdmin: false, Sources(), allowPlainHttp: false));

    [Fact]
    public void Refusals_ForAnyContainerWithItsOwnSasOverHttps_AreNone() =>
        Assert.Empty(TelemetrySourceAuthorization.Refusals(WithLog("https://anyone.example/c?sv=1&sig=abc"), null, callerIsAdmin: false, null, allowPlainHttp: false));

    [Theory]
    [InlineData("http://anyone.example/c?sv=1&sig=abc", false, true)]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/c?sv=1&sig=abc", true, false)]
    [InlineData("ftp://anyone.example/c?sig=abc", true, true)]
    public void Refusals_ForPlainHttp_DependOnWhetherPrivateNetworksAreAllowed(string uri, bool allowPlainHttp, bool refused) =>
        Assert.Equal(refused, TelemetrySourceAuthorization.Refusals(WithLog(uri), null, callerIsAdmin: true, null, allowPlainHttp).Count == 1);

    [Fact]
    public void Refusals_WhenTheListNamesVendors_RefuseOtherVendorsOfTheSameCustomer()
    {
        var sources = Sources() with { Vendors = ["contoso-ml"] };

        Assert.Empty(TelemetrySourceAuthorization.Refusals(WithLog(Listed.AbsoluteUri, vendor: "contoso-ml"), null, false, sources, false));
        Assert.Single(TelemetrySourceAuthorization.Refusals(WithLog(Listed.AbsoluteUri, vendor: "evil-ml"), null, false, sources, false));
    }

    [Fact]
    public void Refusals_ForAWorkspaceNotOnTheSystemsCustomersList_NameTheField()
    {
        var system = WithWorkspace(Workspace, customer: "globex");

        var refusals = TelemetrySourceAuthorization.Refusals(system, null, callerIsAdmin: true, listed: null, allowPlainHttp: false);

        Assert.Equal(TelemetrySourceAuthorization.WorkspaceField, Assert.Single(refusals).Field);
    }

    [Fact]
    public void Refusals_ForAListedWorkspace_AreNone() =>
        Assert.Empty(TelemetrySourceAuthorization.Refusals(WithWorkspace(Workspace), null, callerIsAdmin: false, Sources(), allowPlainHttp: false));

    [Fact]
    public void Refusals_ForCustomKqlFromANonAdmin_NameTheQuery_UnlessAnAdminSetItBefore()
    {
        var system = WithWorkspace(Workspace, deploymentsQuery: "SecurityEvent | take 100");

        var fromVendor = TelemetrySourceAuthorization.Refusals(system, null, callerIsAdmin: false, Sources(), allowPlainHttp: false);
        var fromAdmin = TelemetrySourceAuthorization.Refusals(system, null, callerIsAdmin: true, Sources(), allowPlainHttp: false);
        var vendorKeepsTheAdminsQuery = TelemetrySourceAuthorization.Refusals(system, existing: system, callerIsAdmin: false, Sources(), allowPlainHttp: false);

        Assert.Equal("telemetry.logAnalytics.deploymentsQuery", Assert.Single(fromVendor).Field);
        Assert.Empty(fromAdmin);
        Assert.Empty(vendorKeepsTheAdminsQuery);
    }

    private static CustomerSources Sources() => new("acme", [Listed], [Workspace], null, Now, "admin");

    private static MonitoredSystem WithLog(string uri, string vendor = "contoso-ml") =>
        System(vendor, "acme", new TelemetrySettings { InferenceLog = new InferenceLogSettings(new Uri(uri), "dc") });

    private static MonitoredSystem WithWorkspace(Guid workspace, string customer = "acme", string? deploymentsQuery = null) =>
        System("contoso-ml", customer, new TelemetrySettings { LogAnalytics = new LogAnalyticsSettings(workspace, deploymentsQuery, null) });

    private static MonitoredSystem System(string vendor, string customer, TelemetrySettings telemetry) => new()
    {
        Id = "acme-churn",
        Name = "Churn",
        Vendor = vendor,
        Customer = customer,
        HandoverAt = Now,
        VendorGracePeriod = TimeSpan.FromDays(14),
        Monitoring = new MonitoringSettings(TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)),
        AcknowledgeWithin = TimeSpan.FromHours(4),
        RegisteredAt = Now,
        Contacts = [new Contact(Party.Customer, "ops@acme.example", null)],
        Telemetry = telemetry,
    };
}
