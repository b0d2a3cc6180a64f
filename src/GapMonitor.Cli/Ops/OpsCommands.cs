using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary>The ops commands (fleet, status, alerts, ack, silence, confirm-ownership, scorecard): clients of a running service's API.</summary>
internal static class OpsCommands
{
    public static IReadOnlyList<Command> Create(OpsContext context) =>
    [
        FleetCommand.Create(context),
        StatusCommand.Create(context),
        AlertsCommand.Create(context),
        AckCommand.Create(context),
        SilenceCommand.Create(context),
        ConfirmOwnershipCommand.Create(context),
        ScorecardCommand.Create(context),
    ];

    /// <summary>Invokes <paramref name="parse"/>; bad arguments to an ops command exit with <see cref="OpsExitCodes.Usage"/> (the parser's own code is 1).</summary>
    public static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var exit = await parse.InvokeAsync(configuration);
        return parse.Errors.Count > 0 && exit != 0 && IsOps(parse.CommandResult.Command) ? OpsExitCodes.Usage : exit;
    }

    private static bool IsOps(Command command) =>
        command.Name is "fleet" or "status" or "alerts" or "ack" or "silence" or "confirm-ownership" or "scorecard";
}
