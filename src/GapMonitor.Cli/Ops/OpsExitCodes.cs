namespace GapMonitor.Cli.Ops;

/// <summary>What the ops commands exit with, for scripts.</summary>
internal static class OpsExitCodes
{
    public const int Ok = 0;

    /// <summary>The API answered an error (its problem's title, detail and errors go to stderr).</summary>
    public const int ApiError = 1;

    /// <summary>Bad arguments, or no key.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached (connection refused, name not found, timeout).</summary>
    public const int Unreachable = 3;

    /// <summary>With <c>--fail-on-open</c>: an open alert or a lapsed system is listed.</summary>
    public const int OpenFound = 4;

    public const string Help = "Exit codes: 0 ok; 1 the API answered an error; 2 usage error (bad arguments, no key); 3 cannot reach the service.";

    public const string HelpWithFailOnOpen = "Exit codes: 0 ok; 1 the API answered an error; 2 usage error (bad arguments, no key); 3 cannot reach the service; 4 with --fail-on-open, something open or lapsed is listed.";
}
