using System.Reflection;
using GapMonitor.Api;
using GapMonitor.Core.Ports;
using GapMonitor.Drift;
using GapMonitor.Functions;
using GapMonitor.Web.Rendering;
using NetArchTest.Rules;

namespace GapMonitor.Architecture.Tests;

/// <summary>
/// What may depend on what: the drift library knows nothing of ours; the core knows no Azure SDK and no ASP.NET Core
/// and leaves statistics to the drift library; the API knows the core's ports, not the adapters; the Functions app
/// reaches the adapters only through the composition root.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Drift = typeof(DriftCalculator).Assembly;
    private static readonly Assembly Core = typeof(ISystemStore).Assembly;
    private static readonly Assembly Api = typeof(GapMonitorOptions).Assembly;
    private static readonly Assembly Functions = typeof(FunctionsServices).Assembly;
    private static readonly Assembly Web = typeof(ComponentHtml).Assembly;

    [Fact]
    public void Drift_DependsOnNothingOfOurs() =>
        AssertNoDependency(
            Drift,
            "GapMonitor.Core", "GapMonitor.Api", "GapMonitor.Infrastructure", "GapMonitor.Composition", "GapMonitor.Cli", "GapMonitor.Functions",
            "Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "Microsoft.Extensions");

    [Fact]
    public void Drift_ReferencesOnlyTheRuntimeAndMathNet()
    {
        var references = Drift.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name is "netstandard" or "MathNet.Numerics" || name.StartsWith("System", StringComparison.Ordinal),
            $"GapMonitor.Drift is a package of its own and must not reference {name}."));
    }

    [Fact]
    public void Core_DependsOnNeitherTheAzureSdkNorAspNetCore() =>
        AssertNoDependency(Core, "Azure", "Microsoft.AspNetCore", "Microsoft.Azure");

    [Fact]
    public void Core_LeavesNumericsToTheDriftLibrary() =>
        AssertNoDependency(Core, "MathNet");

    [Fact]
    public void Api_DependsOnNeitherTheAdaptersNorTheAzureSdk() =>
        AssertNoDependency(Api, "GapMonitor.Infrastructure", "GapMonitor.Composition", "Azure");

    [Fact]
    public void Web_RendersWhatItIsGiven_WithoutReachingStorageOrTheHandlers() =>
        AssertNoDependency(Web, "GapMonitor.Api", "GapMonitor.Infrastructure", "GapMonitor.Composition", "GapMonitor.Core.Ports", "Azure");

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
