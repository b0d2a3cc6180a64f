using System.Reflection;
using GapMonitor.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace GapMonitor.Functions.Tests.Support;

/// <summary>The triggers of the Functions assembly, read the way the Functions SDK reads them: from the attributes.</summary>
internal static class FunctionTriggers
{
    public static IReadOnlyList<(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)> Http { get; } = Find<HttpTriggerAttribute>();

    public static IReadOnlyList<(string Name, MethodInfo Method, TimerTriggerAttribute Trigger)> Timers { get; } = Find<TimerTriggerAttribute>();

    public static IReadOnlyList<(string Name, MethodInfo Method, QueueTriggerAttribute Trigger)> Queues { get; } = Find<QueueTriggerAttribute>();

    private static List<(string Name, MethodInfo Method, T Trigger)> Find<T>()
        where T : Attribute =>
        [.. typeof(Health).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<T>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => (f.Function!.Name, f.Method, f.Trigger!))];
}
