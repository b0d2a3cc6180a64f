using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor confirm-ownership SYSTEM</c>: the customer confirms it runs the system's operations (a customer or admin key).</summary>
internal static class ConfirmOwnershipCommand
{
    public static Command Create(OpsContext context) => NotedPostCommand.Create(
        context,
        "confirm-ownership",
        "Confirm, as the customer, that you run the system's operations.",
        new Argument<string>("SYSTEM") { Description = "The system's id." },
        ("A note kept with the confirmation.", "Who confirms."),
        system => $"api/systems/{system}/ownership",
        (answer, system) =>
            $"Ownership of {system} {OpsText.String(answer, "state")} by {OpsText.String(answer, "confirmedBy")} at {OpsText.Time(answer, "confirmedAt")}; " +
            $"next confirmation due {OpsText.Time(answer, "dueAt")}.");
}
