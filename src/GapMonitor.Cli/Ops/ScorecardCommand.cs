using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>gapmonitor scorecard [SYSTEM]</c>: a system's continuity scorecard over a period; without SYSTEM, the fleet's.</summary>
internal static class ScorecardCommand
{
    public const int DefaultLimit = 1000;

    public static Command Create(OpsContext context)
    {
        var system = new Argument<string?>("SYSTEM") { Description = "The system's id; without it, every system in the key's scope.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "Start of the period (ISO 8601 UTC); default 30 days before --to." };
        var to = new Option<string?>("--to") { Description = "End of the period (ISO 8601 UTC); default now." };
        var vendor = new Option<string?>("--vendor") { Description = "Without SYSTEM: only systems of this vendor." };
        var customer = new Option<string?>("--customer") { Description = "Without SYSTEM: only systems of this customer." };
        var limit = LimitOption.Create(DefaultLimit, "systems");
        var command = new Command("scorecard", "How well the continuous practices were kept over a period (monitoring, deployment, validation, ownership, response, alerting), measured from the stored history.")
        {
            system, from, to, vendor, customer, limit,
        };
        var connection = new OpsConnection();
        connection.AddTo(command);
        OpsRunner.SetAction(command, connection, context, async (call, cancellationToken) =>
        {
            var id = call.Parse.GetValue(system);
            var period = (("from", call.Parse.GetValue(from)), ("to", call.Parse.GetValue(to)));
            if (string.IsNullOrWhiteSpace(id))
            {
                var query = OpsQuery.Of(period.Item1, period.Item2, ("vendor", call.Parse.GetValue(vendor)), ("customer", call.Parse.GetValue(customer)));
                var pages = await OpsPages.ReadAsync(call.Client, "api/fleet/scorecard" + query, call.Parse.GetValue(limit), cancellationToken);
                if (call.Json)
                {
                    await call.WriteJsonAsync(ScorecardFleetTotals.Recount(pages.Document, pages.Items));
                }
                else
                {
                    ScorecardTable.RenderFleet(call.Console, pages);
                }

                return OpsExitCodes.Ok;
            }

            var scorecard = await call.Client.GetAsync($"api/systems/{OpsQuery.Segment(id)}/scorecard" + OpsQuery.Of(period.Item1, period.Item2), cancellationToken);
            if (call.Json)
            {
                await call.WriteJsonAsync(scorecard);
            }
            else
            {
                ScorecardTable.Render(call.Console, scorecard);
            }

            return OpsExitCodes.Ok;
        });
        return command;
    }
}
