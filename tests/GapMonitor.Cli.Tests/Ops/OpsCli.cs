using System.CommandLine;
using GapMonitor.Cli.Ops;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Cli.Tests.Ops;

/// <summary>
/// Runs the ops commands in-process, as <c>gapmonitor</c> would, with the environment variables given here instead of
/// the process's. Every run checks that no key it was given appears in what it printed.
/// </summary>
internal sealed class OpsCli(IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null, int pageSize = 1000)
{
    private readonly IReadOnlyDictionary<string, string> _environment = environment ?? new Dictionary<string, string>();

    public static readonly DateTimeOffset ClientNow = new(2026, 12, 1, 13, 23, 0, TimeSpan.Zero);

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var context = new OpsContext(name => _environment.GetValueOrDefault(name), time ?? new FakeTimeProvider(ClientNow), PageSize: pageSize);
        var root = new RootCommand();
        foreach (var command in OpsCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OpsCommands.InvokeAsync(root.Parse(args), new InvocationConfiguration { Output = output, Error = error });
        var keys = args.SkipWhile(a => a != "--key").Skip(1).Take(1).Concat(_environment.Where(e => e.Key == OpsContext.KeyVariable).Select(e => e.Value));
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key, output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        }

        return (exit, output.ToString(), error.ToString());
    }
}
