namespace GapMonitor.Cli.Ops;

/// <summary>What the ops commands take from their surroundings: environment variables, the clock, and how to reach HTTP.</summary>
/// <param name="Environment">Reads an environment variable (null when unset).</param>
/// <param name="Handler">The HTTP handler; null for the default one.</param>
internal sealed record OpsContext(Func<string, string?> Environment, TimeProvider Time, HttpMessageHandler? Handler = null)
{
    public const string UrlVariable = "GAPMONITOR_URL";
    public const string KeyVariable = "GAPMONITOR_KEY";
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static OpsContext Process { get; } = new(System.Environment.GetEnvironmentVariable, TimeProvider.System);
}
