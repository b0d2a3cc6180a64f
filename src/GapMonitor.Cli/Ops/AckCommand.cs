using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor ack ALERT_ID</c>: acknowledges an alert (stops its escalation until the acknowledgement expires).</summary>
internal static class AckCommand
{
    public static Command Create(OpsContext context) => NotedPostCommand.Create(
        context,
        "ack",
        "Acknowledge an alert.",
        new Argument<string>("ALERT_ID") { Description = "The alert's id (gapmonitor alerts shows it)." },
        ("What is being done about it.", "Who acknowledges (default: the key's name)."),
        alert => $"api/alerts/{alert}/acknowledge",
        (answer, _) =>
            $"Acknowledged {OpsText.String(answer, "id")} ({OpsText.String(answer, "kind")} on {OpsText.String(answer, "systemId")}) " +
            $"by {OpsText.String(answer, "acknowledgedBy")} at {OpsText.Time(answer, "acknowledgedAt")}.");
}
