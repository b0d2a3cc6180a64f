using System.CommandLine;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor alerts</c>: alerts in the key's scope, newest first, following the API's pages up to <c>--limit</c>.</summary>
internal static class AlertsCommand
{
    public static Command Create(OpsContext context)
    {
        var state = new Option<string?>("--state") { Description = "open, acknowledged or resolved." };
        state.AcceptOnlyFromAmong("open", "acknowledged", "resolved");
        var system = new Option<string?>("--system") { Description = "Only alerts of this system." };
        var kind = new Option<string?>("--kind") { Description = "Only alerts of this kind (e.g. drift-detected)." };
        var limit = LimitOption.Create(100, "alerts");
        var failOnOpen = FailOnOpenOption.Create("a listed alert is open");
        var command = new Command("alerts", $"Alerts in the key's scope, newest first. {OpsExitCodes.HelpWithFailOnOpen}") { state, system, kind, limit, failOnOpen };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var query = OpsQuery.Of(("state", call.Parse.GetValue(state)), ("systemId", call.Parse.GetValue(system)), ("kind", call.Parse.GetValue(kind)));
            var pages = await OpsPages.ReadAsync(call.Client, "api/alerts" + query, call.Parse.GetValue(limit), cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(pages.Document);
            }
            else if (pages.Items.Count == 0)
            {
                call.Console.MarkupLine("No alerts.");
            }
            else
            {
                call.Console.Write(AlertsTable.Build(pages.Items));
                call.Console.MarkupLine(pages.Next is null
                    ? $"{pages.Items.Count} alert(s)."
                    : $"[yellow]{pages.Items.Count} alert(s) shown, more behind them: raise --limit.[/]");
            }

            return call.Parse.GetValue(failOnOpen) && pages.Items.Any(a => OpsText.String(a, "state") == "open") ? OpsExitCodes.OpenFound : OpsExitCodes.Ok;
        });
        return command;
    }
}
