using GapMonitor.Core.Keys;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Tests.Systems;

public class SystemEditRulesTests
{
    private static readonly Principal Customer = new(Role.Customer, "k1", Customer: "acme");

    [Fact]
    public void RefusedField_WhenAdminChangesAnything_RefusesNothing()
    {
        var principal = new Principal(Role.Admin, "k1");

        Assert.Null(SystemEditRules.RefusedField(principal, ["name", "contacts", "monitoring"], ["vendor", "customer"]));
    }

    [Fact]
    public void RefusedField_WhenVendorChangesAnyFieldAndItsOwnContacts_RefusesNothing()
    {
        var principal = new Principal(Role.Vendor, "k1", Vendor: "modelworks");

        Assert.Null(SystemEditRules.RefusedField(principal, ["name", "contacts", "monitoring"], ["vendor", "vendor"]));
    }

    [Fact]
    public void RefusedField_WhenVendorSendsACustomerContact_NamesItsParty()
    {
        var principal = new Principal(Role.Vendor, "k1", Vendor: "modelworks");

        Assert.Equal("contacts[1].party", SystemEditRules.RefusedField(principal, ["contacts"], ["vendor", "customer"]));
    }

    [Fact]
    public void RefusedField_WhenCustomerChangesOnlyItsContacts_RefusesNothing()
    {
        Assert.Null(SystemEditRules.RefusedField(Customer, ["contacts"], ["customer", "customer"]));
    }

    [Fact]
    public void RefusedField_WhenCustomerChangesAnotherField_NamesThatField()
    {
        Assert.Equal("name", SystemEditRules.RefusedField(Customer, ["contacts", "name"], ["customer"]));
    }

    [Theory]
    [InlineData("vendor")]
    [InlineData(null)]
    [InlineData("Customer")]
    public void RefusedField_WhenCustomerSendsAContactNotOfPartyCustomer_NamesItsParty(string? party)
    {
        Assert.Equal("contacts[1].party", SystemEditRules.RefusedField(Customer, ["contacts"], ["customer", party]));
    }

    [Fact]
    public void ReplaceContactsOf_Customer_ReplacesTheCustomersContactsAndKeepsTheVendorsAsTheyWere()
    {
        Contact[] existing = [Email(Party.Vendor, "a@v.example"), Email(Party.Customer, "old@c.example"), Email(Party.Vendor, "b@v.example")];

        var replaced = SystemEditRules.ReplaceContactsOf(Party.Customer, existing, c => c.Party, [Email(Party.Customer, "new@c.example")]);

        Assert.Equal([Email(Party.Customer, "new@c.example"), Email(Party.Vendor, "a@v.example"), Email(Party.Vendor, "b@v.example")], replaced);
    }

    [Fact]
    public void ReplaceContactsOf_WithNoReplacement_LeavesOnlyTheOtherParty()
    {
        Contact[] existing = [Email(Party.Customer, "old@c.example"), Email(Party.Vendor, "a@v.example")];

        Assert.Equal([Email(Party.Vendor, "a@v.example")], SystemEditRules.ReplaceContactsOf(Party.Customer, existing, c => c.Party, []));
    }

    [Fact]
    public void KeptSecret_WhenSamePartyAndUrl_IsTheStoredSecret()
    {
        var url = new Uri("https://hooks.acme.example/gap?token=1");
        Contact[] existing = [new(Party.Customer, null, new WebhookEndpoint(url, "whsec_stored"))];

        Assert.Equal("whsec_stored", SystemEditRules.KeptSecret(existing, Party.Customer, new Uri("https://hooks.acme.example/gap?token=1")));
    }

    [Theory]
    [InlineData("https://hooks.acme.example/gap?token=2", Party.Customer)]
    [InlineData("https://hooks.acme.example/other", Party.Customer)]
    [InlineData("https://hooks.acme.example/gap?token=1", Party.Vendor)]
    public void KeptSecret_WhenUrlOrPartyDiffers_IsNull(string url, Party party)
    {
        Contact[] existing = [new(Party.Customer, null, new WebhookEndpoint(new Uri("https://hooks.acme.example/gap?token=1"), "whsec_stored"))];

        Assert.Null(SystemEditRules.KeptSecret(existing, party, new Uri(url)));
    }

    private static Contact Email(Party party, string email) => new(party, email, null);
}
