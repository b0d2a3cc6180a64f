namespace GapMonitor.Api.Tests.Hosting;

/// <summary>Registration bodies for tests.</summary>
internal static class SystemBodies
{
    public static object Registration(
        string id,
        string vendor,
        string customer,
        DateTimeOffset handoverAt,
        Uri? customerWebhook = null,
        string? customerSecret = null,
        Uri? vendorWebhook = null,
        string? vendorSecret = null,
        string vendorGracePeriod = "P14D",
        string heartbeatPeriod = "PT5M",
        string heartbeatGrace = "PT2M",
        string acknowledgeWithin = "PT4H")
    {
        var contacts = new List<object> { new { party = "customer", email = $"mlops@{customer}.example" }, new { party = "vendor", email = $"support@{vendor}.example" } };
        if (customerWebhook is not null)
        {
            contacts.Add(new { party = "customer", webhook = new { url = customerWebhook.AbsoluteUri, secret = customerSecret } });
        }

        if (vendorWebhook is not null)
        {
            contacts.Add(new { party = "vendor", webhook = new { url = vendorWebhook.AbsoluteUri, secret = vendorSecret } });
        }

        return new
        {
            id,
            name = $"Model {id}",
            vendor,
            customer,
            model = new { name = "churn", version = "1.4.0" },
            handoverAt,
            vendorGracePeriod,
            monitoring = new { heartbeatPeriod, heartbeatGrace },
            acknowledgeWithin,
            contacts,
        };
    }
}
