namespace GapMonitor.Browser.Tests;

/// <summary>Every browser test class joins this collection: they share one host, one seed and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
