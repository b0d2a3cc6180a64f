using System.CommandLine;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor confirm-ownership SYSTEM</c>: the customer confirms it runs the system's operations (a customer or admin key).</summary>
internal static class ConfirmOwnershipCommand
{
    public static Command Create(OpsContext context)
    {
        var system = new Argument<string>("SYSTEM") { Description = "The system's id." };
        var note = new Option<string?>("--note") { Description = "A note kept with the confirmation." };
        var by = new Option<string?>("--by") { Description = "Who confirms." };
        var command = new Command("confirm-ownership", $"Confirm, as the customer, that you run the system's operations. {OpsExitCodes.Help}") { system, note, by };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var id = call.Parse.GetRequiredValue(system);
            var answer = await call.Client.PostAsync(
                $"api/systems/{OpsQuery.Segment(id)}/ownership",
                new { by = call.Parse.GetValue(by), note = call.Parse.GetValue(note) },
                cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(answer);
            }
            else
            {
                call.Console.MarkupLine(Markup.Escape(
                    $"Ownership of {id} {OpsText.String(answer, "state")} by {OpsText.String(answer, "confirmedBy")} at {OpsText.Time(answer, "confirmedAt")}; " +
                    $"next confirmation due {OpsText.Time(answer, "dueAt")}."));
            }

            return OpsExitCodes.Ok;
        });
        return command;
    }
}
