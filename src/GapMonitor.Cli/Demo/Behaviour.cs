namespace GapMonitor.Cli.Demo;

internal enum Behaviour
{
    Healthy,
    GoesSilent,
    Failing,
    NeverReports,
}
