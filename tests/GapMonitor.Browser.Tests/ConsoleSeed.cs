using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GapMonitor.Browser.Tests;

/// <summary>
/// The data every browser journey looks at, created through the HTTP API as a user would: two vendors with keys of
/// their own; contoso's drifted system (a closed drift window and an open drift alert), its lapsed system (heartbeats
/// stopped) and a healthy one; fabrikam's system with an open alert of its own (the other tenant).
/// </summary>
public sealed record ConsoleSeed(string ContosoKey, string FabrikamKey, string ContosoAlertId, string ContosoSecondAlertId, string FabrikamAlertId)
{
    public const string Contoso = "contoso-ml";
    public const string Fabrikam = "fabrikam-ai";
    public const string DriftedSystem = "acme-churn";
    public const string LapsedSystem = "acme-fraud";
    public const string HealthySystem = "acme-forecast";
    public const string OtherTenantSystem = "globex-vision";

    public static async Task<ConsoleSeed> CreateAsync(ConsoleHost host)
    {
        var contoso = await KeyAsync(host, Contoso);
        var fabrikam = await KeyAsync(host, Fabrikam);
        var handover = host.Time.GetUtcNow().AddDays(-30);

        var drifted = await RegisterAsync(host, contoso, DriftedSystem, "Churn model", Contoso, "acme", handover, "P1D", telemetry: true);
        var lapsed = await RegisterAsync(host, contoso, LapsedSystem, "Fraud scoring", Contoso, "acme", handover, "PT5M", telemetry: false);
        var healthy = await RegisterAsync(host, contoso, HealthySystem, "Demand forecast", Contoso, "initech", handover.AddDays(25), "P1D", telemetry: false);
        var other = await RegisterAsync(host, fabrikam, OtherTenantSystem, "Vision QA", Fabrikam, "globex", handover, "PT5M", telemetry: false);
        foreach (var (id, ingest) in new[] { (DriftedSystem, drifted), (LapsedSystem, lapsed), (HealthySystem, healthy), (OtherTenantSystem, other) })
        {
            await host.JsonAsync(HttpMethod.Post, $"/api/systems/{id}/heartbeats", ingest, new { status = "ok" }, 202);
        }

        Assert.Equal(201, await host.PutCsvAsync($"/api/systems/{DriftedSystem}/reference", contoso, ReferenceCsv()));
        await host.JsonAsync(HttpMethod.Post, $"/api/systems/{DriftedSystem}/telemetry?batchId=b-1", drifted, DriftedRows(), 202);

        host.Time.Advance(TimeSpan.FromMinutes(61));
        await host.JsonAsync(HttpMethod.Post, $"/api/systems/{DriftedSystem}/heartbeats", drifted, new { status = "ok" }, 202);
        await host.JsonAsync(HttpMethod.Post, $"/api/systems/{HealthySystem}/heartbeats", healthy, new { status = "ok" }, 202);
        await host.JsonAsync(HttpMethod.Post, "/api/sweep", ConsoleHost.AdminKey);

        var driftAlert = await OpenAlertAsync(host, contoso, DriftedSystem, "drift-detected");
        var heartbeatAlert = await OpenAlertAsync(host, contoso, LapsedSystem, "monitoring-silent");
        var otherAlert = await OpenAlertAsync(host, fabrikam, OtherTenantSystem, "monitoring-silent");
        return new ConsoleSeed(contoso, fabrikam, driftAlert, heartbeatAlert, otherAlert);
    }

    private static async Task<string> KeyAsync(ConsoleHost host, string vendor) =>
        (await host.JsonAsync(HttpMethod.Post, "/api/keys", ConsoleHost.AdminKey, new { role = "vendor", vendor }, 201)).GetProperty("key").GetString()!;

    private static async Task<string> RegisterAsync(ConsoleHost host, string key, string id, string name, string vendor, string customer, DateTimeOffset handoverAt, string heartbeatPeriod, bool telemetry)
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(new
        {
            id,
            name,
            vendor,
            customer,
            model = new { name = id, version = "1.0.0" },
            handoverAt,
            vendorGracePeriod = "P14D",
            monitoring = new { heartbeatPeriod, heartbeatGrace = "PT2M" },
            acknowledgeWithin = "PT4H",
            contacts = new[] { new { party = "customer", email = $"mlops@{customer}.example" }, new { party = "vendor", email = $"support@{vendor}.example" } },
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        if (telemetry)
        {
            body["telemetry"] = JsonNode.Parse("""{"driftWindow":"PT1H"}""");
        }

        return (await host.JsonAsync(HttpMethod.Post, "/api/systems", key, body.ToJsonString(), 201)).GetProperty("ingestKey").GetString()!;
    }

    private static async Task<string> OpenAlertAsync(ConsoleHost host, string key, string systemId, string kind)
    {
        var alerts = await host.JsonAsync(HttpMethod.Get, $"/api/alerts?systemId={systemId}&state=open&kind={kind}", key);
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray());
        return alert.GetProperty("id").GetString()!;
    }

    private static string ReferenceCsv()
    {
        var csv = new StringBuilder("tenure,plan\n");
        for (var i = 0; i < 300; i++)
        {
            csv.Append((10 + (i % 9)).ToString(CultureInfo.InvariantCulture)).Append(',').Append((i % 3) switch { 0 => "basic", 1 => "pro", _ => "enterprise" }).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Tenure moved up and nearly everyone on the basic plan: both columns drift.</summary>
    private static object[] DriftedRows() =>
        [.. Enumerable.Range(0, 240).Select(i => new { tenure = 18 + (i % 9), plan = i % 5 == 0 ? "pro" : "basic" })];
}
