using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor fleet</c>: every system in the key's scope on one line, with totals.</summary>
internal static class FleetCommand
{
    public const int DefaultLimit = 1000;

    public static Command Create(OpsContext context)
    {
        var vendor = new Option<string?>("--vendor") { Description = "Only systems of this vendor." };
        var customer = new Option<string?>("--customer") { Description = "Only systems of this customer." };
        var owner = new Option<string?>("--owner") { Description = "Only systems whose operations this party owns now." };
        owner.AcceptOnlyFromAmong("vendor", "customer");
        var state = new Option<string?>("--state") { Description = "new, up, late, down, retired, lapsed (an open alert or monitoring down) or ok." };
        var limit = LimitOption.Create(DefaultLimit, "systems");
        var failOnOpen = FailOnOpenOption.Create("a listed system has an open alert or its monitoring is down");
        var command = new Command("fleet", $"Every system in the key's scope: monitoring, open alerts, last drift, continuity score. {OpsExitCodes.HelpWithFailOnOpen}")
        {
            vendor, customer, owner, state, limit, failOnOpen,
        };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, (call, cancellationToken) =>
        {
            var query = OpsQuery.Of(("vendor", call.Parse.GetValue(vendor)), ("customer", call.Parse.GetValue(customer)), ("owner", call.Parse.GetValue(owner)), ("state", call.Parse.GetValue(state)));
            return RunAsync(call, "api/fleet" + query, call.Parse.GetValue(limit), call.Parse.GetValue(failOnOpen), cancellationToken);
        });
        return command;
    }

    /// <summary>Lists the fleet (also <c>gapmonitor status</c> without a system).</summary>
    public static async Task<int> RunAsync(OpsCall call, string pathAndQuery, int limit, bool failOnOpen, CancellationToken cancellationToken)
    {
        var pages = await OpsPages.ReadAsync(call.Client, pathAndQuery, limit, cancellationToken);
        if (call.Json)
        {
            await call.WriteJsonAsync(pages.Document);
        }
        else
        {
            FleetTable.Render(call.Console, pages);
        }

        return failOnOpen && FleetTable.AnyLapsed(pages) ? OpsExitCodes.OpenFound : OpsExitCodes.Ok;
    }
}
