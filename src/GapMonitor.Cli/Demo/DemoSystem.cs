namespace GapMonitor.Cli.Demo;

internal sealed record DemoSystem(string Id, string Name, string Vendor, string Customer, int DaysAgo, Behaviour Behaviour, string Story);
