using System.Reflection;
using GapMonitor.Api;
using GapMonitor.Core.Ports;
using GapMonitor.Functions;
using NetArchTest.Rules;

namespace GapMonitor.Architecture.Tests;

/// <summary>
/// What may depend on what: the core knows no Azure SDK and no ASP.NET Core; the API knows the core's ports, not the
/// adapters; the Functions app reaches the adapters only through the composition root.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(ISystemStore).Assembly;
    private static readonly Assembly Api = typeof(GapMonitorOptions).Assembly;
    private static readonly Assembly Functions = typeof(FunctionsServices).Assembly;

    [Fact]
    public void Core_DependsOnNeitherTheAzureSdkNorAspNetCore() =>
        AssertNoDependency(Core, "Azure", "Microsoft.AspNetCore", "Microsoft.Azure");

    [Fact]
    public void Api_DependsOnNeitherTheAdaptersNorTheAzureSdk() =>
        AssertNoDependency(Api, "GapMonitor.Infrastructure", "GapMonitor.Composition", "Azure");

    [Fact]
    public void Functions_ReachesTheAdaptersOnlyThroughTheCompositionRoot() =>
        AssertNoDependency(Functions, "GapMonitor.Infrastructure", "GapMonitor.Cli", "Azure");

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(
            result.IsSuccessful,
            $"{assembly.GetName().Name} must not depend on {string.Join(", ", forbidden)}; these types do: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
