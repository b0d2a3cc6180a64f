namespace GapMonitor.Cli.Ops;

/// <summary>What the ops commands take from their surroundings: environment variables, the clock, and how to reach HTTP.</summary>
/// <param name="Environment">Reads an environment variable (null when unset).</param>
/// <param name="Handler">The HTTP handler; null for the default one.</param>
/// <param name="PageSize">The most items asked for in one request to a list route (the API's maximum).</param>
internal sealed record OpsContext(Func<string, string?> Environment, TimeProvider Time, HttpMessageHandler? Handler = null, int PageSize = 1000)
{
    public const string UrlVariable = "GAPMONITOR_URL";
    public const string KeyVariable = "GAPMONITOR_KEY";
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static OpsContext Process { get; } = new(System.Environment.GetEnvironmentVariable, TimeProvider.System);
}
