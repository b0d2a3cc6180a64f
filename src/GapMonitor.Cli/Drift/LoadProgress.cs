using Spectre.Console;

namespace GapMonitor.Cli.Drift;

/// <summary>Shows a progress bar per file on stderr while large files load, when stderr is a terminal.</summary>
internal static class LoadProgress
{
    private const long MinimumBytes = 16L << 20;

    public static async Task<(CsvTable Reference, CsvTable Current)> LoadAsync(string referencePath, string currentPath, TextWriter error)
    {
        var sizes = new[] { SizeOf(referencePath), SizeOf(currentPath) };
        if (Console.IsErrorRedirected || !ReferenceEquals(error, Console.Error) || sizes.Sum() < MinimumBytes)
        {
            return await CsvPairLoader.LoadAsync(referencePath, currentPath);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var read = new long[2];
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new[]
                {
                    context.AddTask($"Loading {Markup.Escape(Path.GetFileName(referencePath))}", maxValue: Math.Max(1, sizes[0])),
                    context.AddTask($"Loading {Markup.Escape(Path.GetFileName(currentPath))}", maxValue: Math.Max(1, sizes[1])),
                };
                var load = CsvPairLoader.LoadAsync(
                    referencePath, currentPath, p => Volatile.Write(ref read[0], p), p => Volatile.Write(ref read[1], p));
                while (!load.IsCompleted)
                {
                    await Task.WhenAny(load, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System));
                    for (var i = 0; i < 2; i++)
                    {
                        tasks[i].Value = Volatile.Read(ref read[i]);
                    }
                }

                foreach (var task in tasks)
                {
                    task.Value = task.MaxValue;
                }

                return await load;
            });
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }
}
