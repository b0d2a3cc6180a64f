using System.CommandLine;

namespace GapMonitor.Cli.Ops;

/// <summary><c>--fail-on-open</c>: exit 4 when something open or lapsed is listed (for cron).</summary>
internal static class FailOnOpenOption
{
    public static Option<bool> Create(string what) => new("--fail-on-open")
    {
        Description = $"Exit with {OpsExitCodes.OpenFound} when {what}.",
    };
}
