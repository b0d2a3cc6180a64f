using System.CommandLine;
using GapMonitor.Cli.Drift;

namespace GapMonitor.Cli.Tests.Drift;

/// <summary>Runs <c>gapmonitor drift</c> in-process on CSV files written to a temporary folder.</summary>
internal sealed class DriftCli : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gapmonitor-drift-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { DriftCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["drift", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
