using GapMonitor.Core.Alerts;

namespace GapMonitor.Infrastructure.Email;

/// <summary>What an open alert of each kind means for the people running the model, in one sentence.</summary>
internal static class AlertKindMeanings
{
    public static string Of(string kind) => kind switch
    {
        AlertKinds.MonitoringSilent => "Nobody is watching the model in production: a failure or drift would go unnoticed.",
        AlertKinds.MonitoringFailing => "The monitoring job runs but fails, so its checks of the model are not being done.",
        AlertKinds.DriftDetected => "The data the model sees in production no longer looks like its reference data, so its predictions may be wrong.",
        AlertKinds.DeploymentUnannounced => "A model version nobody announced is serving: changes to the model are not being tracked.",
        AlertKinds.TelemetryStale => "No fresh telemetry arrives, so drift cannot be checked.",
        AlertKinds.OwnershipUnconfirmed => "Nobody has confirmed running operations, so it is unclear who acts on the next alert.",
        AlertKinds.PerformanceDegraded => "Measured against the ground truth that arrived, the model's predictions have become worse than on its reference data.",
        AlertKinds.PerformanceAtRisk => "Judged from its own confidence, without labels yet, the model is likely to perform worse than on its reference data.",
        AlertKinds.ContactUnreachable => "Alerts to one of the contacts do not arrive, so somebody responsible is not being told.",
        _ => "A continuity gap is open on this system.",
    };
}
