using System.CommandLine;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor ack ALERT_ID</c>: acknowledges an alert (stops its escalation until the acknowledgement expires).</summary>
internal static class AckCommand
{
    public static Command Create(OpsContext context)
    {
        var alert = new Argument<string>("ALERT_ID") { Description = "The alert's id (gapmonitor alerts shows it)." };
        var note = new Option<string?>("--note") { Description = "What is being done about it." };
        var by = new Option<string?>("--by") { Description = "Who acknowledges (default: the key's name)." };
        var command = new Command("ack", $"Acknowledge an alert. {OpsExitCodes.Help}") { alert, note, by };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var id = call.Parse.GetRequiredValue(alert);
            var answer = await call.Client.PostAsync(
                $"api/alerts/{OpsQuery.Segment(id)}/acknowledge",
                new { by = call.Parse.GetValue(by), note = call.Parse.GetValue(note) },
                cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(answer);
            }
            else
            {
                call.Console.MarkupLine(Markup.Escape(
                    $"Acknowledged {OpsText.String(answer, "id")} ({OpsText.String(answer, "kind")} on {OpsText.String(answer, "systemId")}) " +
                    $"by {OpsText.String(answer, "acknowledgedBy")} at {OpsText.Time(answer, "acknowledgedAt")}."));
            }

            return OpsExitCodes.Ok;
        });
        return command;
    }
}
