using System.Security.Cryptography;

namespace GapMonitor.Cli.Demo;

/// <summary>The demo's fleet: two vendors, several customers, one system per situation worth seeing.</summary>
internal static class DemoFleet
{
    public const string HeartbeatPeriod = "PT10S";
    public const string HeartbeatGrace = "PT5S";
    public const string AcknowledgeWithin = "PT20S";
    public const string RemindEvery = "PT15S";
    public const string AcknowledgementExpiresAfter = "PT25S";

    public static readonly string[] Receivers = ["acme", "globex", "initech", "umbrella", "contoso", "fabrikam"];

    public static readonly DemoSystem[] Systems =
    [
        new("acme-churn", "Churn model for ACME", "contoso-ml", "acme", DaysAgo: 30, Behaviour.Healthy, "Monitoring is healthy, but the data drifts away from the reference."),
        new("acme-fraud", "Fraud scoring for ACME", "contoso-ml", "acme", DaysAgo: 30, Behaviour.GoesSilent, "Monitoring goes silent after handover; nobody acknowledges."),
        new("globex-forecast", "Demand forecast for Globex", "contoso-ml", "globex", DaysAgo: 21, Behaviour.Failing, "Monitoring runs but reports failure; the customer acknowledges."),
        new("initech-vision", "Defect detection for Initech", "fabrikam-ai", "initech", DaysAgo: 3, Behaviour.NeverReports, "Still in the vendor's grace period: the vendor is told first."),
        new(ConceptDriftSystem, "Credit default risk for Globex", "fabrikam-ai", "globex", DaysAgo: 45, Behaviour.Healthy, "Its inputs look unchanged, but once the late outcomes arrive its realized ROC AUC has dropped (concept drift)."),
        new("umbrella-nlp", "Ticket triage for Umbrella", "fabrikam-ai", "umbrella", DaysAgo: 60, Behaviour.Healthy, "Healthy."),
    ];

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The system whose inference data drifts; its drift windows are shortened to seconds.</summary>
    public const string DriftingSystem = "acme-churn";
    public const string DriftWindow = "PT10S";

    /// <summary>The system whose world changes under its model: outcomes posted later show its performance dropped.</summary>
    public const string ConceptDriftSystem = "globex-credit";

    public static object Registration(DemoSystem s, DateTimeOffset now, string receiverUrl, IReadOnlyDictionary<string, string> secrets) => new
    {
        telemetry = s.Id is DriftingSystem or ConceptDriftSystem ? new { driftWindow = DriftWindow } : null,
        performance = s.Id == ConceptDriftSystem
            ? new { task = "binary-classification", prediction = "default_pred", probability = "default_proba", target = "defaulted", chunkRows = DemoCreditData.ChunkRows }
            : null,
        id = s.Id,
        name = s.Name,
        vendor = s.Vendor,
        customer = s.Customer,
        model = new { name = s.Id.Split('-')[1], version = "1.0.0" },
        handoverAt = now.AddDays(-s.DaysAgo),
        vendorGracePeriod = "P14D",
        monitoring = new { heartbeatPeriod = HeartbeatPeriod, heartbeatGrace = HeartbeatGrace },
        acknowledgeWithin = AcknowledgeWithin,
        alerting = new { remindEvery = RemindEvery, acknowledgementExpiresAfter = AcknowledgementExpiresAfter },
        contacts = new object[]
        {
            new { party = "customer", email = $"mlops@{s.Customer}.example" },
            new { party = "customer", webhook = new { url = $"{receiverUrl}/hooks/{s.Customer}", secret = secrets[s.Customer] } },
            new { party = "vendor", email = $"support@{s.Vendor}.example" },
            new { party = "vendor", webhook = new { url = $"{receiverUrl}/hooks/{VendorReceiver(s.Vendor)}", secret = secrets[VendorReceiver(s.Vendor)] } },
        },
    };

    public static string VendorReceiver(string vendor) => vendor.Split('-')[0];
}
