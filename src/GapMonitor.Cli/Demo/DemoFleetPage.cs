namespace GapMonitor.Cli.Demo;

/// <summary>The console's fleet page as the demo read it: who it was signed in as and which systems it links to; or why it failed.</summary>
internal sealed record DemoFleetPage(Uri? Address, string? SignedInAs, IReadOnlyList<string> Systems, string? Failure)
{
    public static DemoFleetPage Failed(string why) => new(null, null, [], why);
}
