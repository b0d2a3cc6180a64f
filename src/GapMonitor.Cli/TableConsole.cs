using System.Globalization;
using Spectre.Console;

namespace GapMonitor.Cli;

/// <summary>The console the analysis commands (drift, performance) draw their tables on, and how they show numbers.</summary>
internal static class TableConsole
{
    private const int MinimumWidth = 132;

    /// <summary>A console writing to <paramref name="output"/>, at least wide enough for the tables.</summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = Math.Max(console.Profile.Width, MinimumWidth);
        return console;
    }

    /// <summary>Four decimals, scientific notation for tiny values, ∞ for infinity.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        0 => "0",
        _ when Math.Abs(value) < 1e-4 => value.ToString("0.##E+0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };
}
