using System.CommandLine;
using GapMonitor.Cli.Performance;
using GapMonitor.Cli.Tests.Drift;

namespace GapMonitor.Cli.Tests.Performance;

/// <summary>Runs <c>gapmonitor performance</c> in-process as <c>Program</c> does (parser refusals included) on CSV files in a temporary folder.</summary>
internal sealed class PerformanceCli : IDisposable
{
    private readonly DriftCli _files = new();

    public string Write(string name, string content) => _files.Write(name, content);

    public string PathOf(string name) => _files.PathOf(name);

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { PerformanceCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = root.Parse(["performance", .. args]);
        var exit = PerformanceCommand.IsMisused(parse)
            ? await PerformanceCommand.ReportUsageAsync(parse, error)
            : await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _files.Dispose();
}
