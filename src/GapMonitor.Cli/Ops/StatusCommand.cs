using System.CommandLine;
using System.Text.Json;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor status [SYSTEM]</c>: one system's state and scorecard; without SYSTEM, the fleet.</summary>
internal static class StatusCommand
{
    public static Command Create(OpsContext context)
    {
        var system = new Argument<string?>("SYSTEM") { Description = "The system's id; without it, every system (as gapmonitor fleet).", Arity = ArgumentArity.ZeroOrOne };
        var failOnOpen = FailOnOpenOption.Create("the system (any system, without SYSTEM) has an open alert or its monitoring is down");
        var command = new Command("status", $"A system's monitoring, open alerts and continuity practices. {OpsExitCodes.HelpWithFailOnOpen}") { system, failOnOpen };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var id = call.Parse.GetValue(system);
            var fail = call.Parse.GetValue(failOnOpen);
            if (string.IsNullOrWhiteSpace(id))
            {
                return await FleetCommand.RunAsync(call, "api/fleet", FleetCommand.DefaultLimit, fail, cancellationToken);
            }

            var status = await call.Client.GetAsync($"api/systems/{OpsQuery.Segment(id)}/status", cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(status);
            }
            else
            {
                SystemStatusTable.Render(call.Console, status);
            }

            return fail && Lapsed(status) ? OpsExitCodes.OpenFound : OpsExitCodes.Ok;
        });
        return command;
    }

    private static bool Lapsed(JsonElement status)
    {
        if (OpsText.Bool(status, "retired"))
        {
            return false;
        }

        var open = status.TryGetProperty("openAlerts", out var alerts) && alerts.ValueKind == JsonValueKind.Array
            && alerts.EnumerateArray().Any(a => OpsText.String(a, "state") == "open");
        return open || OpsText.String(OpsText.Object(status, "heartbeat"), "state") == "down";
    }
}
