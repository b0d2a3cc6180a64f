using System.CommandLine;
using GapMonitor.Drift;

namespace GapMonitor.Cli.Drift;

/// <summary><c>gapmonitor drift</c>: compares a current CSV file with a reference CSV file column by column.</summary>
public static class DriftCommand
{
    /// <summary>Exit code for unusable input (unreadable, empty or ragged files, bad overrides).</summary>
    public const int InputError = 2;

    /// <summary>Exit code with <c>--fail-on-drift</c> when the dataset drifted.</summary>
    public const int DatasetDrifted = 3;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var reference = new Option<FileInfo>("--reference") { Description = "Reference CSV file (header row, RFC 4180).", Required = true };
        var current = new Option<FileInfo>("--current") { Description = "Current CSV file to compare with the reference.", Required = true };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var method = new Option<string[]>("--method")
        {
            Description = $"Method for a column, COLUMN=METHOD ({string.Join(", ", DriftMethods.Names)}); repeatable.",
        };
        var threshold = new Option<string[]>("--threshold") { Description = "Threshold for a column, COLUMN=VALUE; repeatable." };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = $"Exit with {DatasetDrifted} when the dataset drifted." };

        var command = new Command("drift", "Detect data drift of a current CSV file against a reference CSV file.")
        {
            reference, current, format, method, threshold, failOnDrift,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var options = DriftOverrides.Parse(parse.GetValue(method) ?? [], parse.GetValue(threshold) ?? []);
                var referencePath = parse.GetRequiredValue(reference).FullName;
                var currentPath = parse.GetRequiredValue(current).FullName;
                var (referenceTable, currentTable) = await LoadProgress.LoadAsync(referencePath, currentPath, error);
                cancellationToken.ThrowIfCancellationRequested();
                var report = DriftCalculator.Compare(referenceTable.Columns, currentTable.Columns, options) with
                {
                    ReferenceRows = referenceTable.Rows,
                    CurrentRows = currentTable.Rows,
                };
                if (parse.GetValue(format) == "json")
                {
                    await output.WriteLineAsync(DriftJsonWriter.Write(report));
                }
                else
                {
                    DriftTableRenderer.Render(TableConsole.Create(output), report, parse.GetRequiredValue(reference).ToString(), parse.GetRequiredValue(current).ToString());
                }

                return parse.GetValue(failOnDrift) && report.DatasetDrift ? DatasetDrifted : 0;
            }
            catch (Exception e) when (e is DriftInputException or DriftConfigurationException)
            {
                await error.WriteLineAsync($"gapmonitor drift: {e.Message}");
                return InputError;
            }
        });
        return command;
    }
}
