namespace GapMonitor.Cli.Demo;

internal static class DemoRunner
{
    public static Task<int> RunAsync(CancellationToken cancellationToken) => Task.FromResult(cancellationToken.IsCancellationRequested ? 1 : 1);
}
