using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>The storage tests share one <see cref="AzuriteFixture"/> (xunit needs the definition in the tests' own assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
