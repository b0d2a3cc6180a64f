using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace GapMonitor.Cli.Ops;

/// <summary>One run of an ops command: its parsed arguments, the client, and where to write.</summary>
internal sealed class OpsCall(ParseResult parse, OpsClient client, bool json, OpsContext context)
{
    private const int MinimumTableWidth = 160;
    private IAnsiConsole? _console;

    public ParseResult Parse { get; } = parse;

    public OpsClient Client { get; } = client;

    public bool Json { get; } = json;

    public TimeProvider Time => context.Time;

    public TextWriter Output => Parse.InvocationConfiguration.Output;

    public IAnsiConsole Console => _console ??= CreateConsole();

    public Task WriteJsonAsync(JsonElement document) => Output.WriteLineAsync(OpsJson.Indented(document));

    private IAnsiConsole CreateConsole()
    {
        // Colours only on a terminal: a pipe, a file or a cron mail gets plain text.
        var terminal = ReferenceEquals(Output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, MinimumTableWidth);
        return console;
    }
}
