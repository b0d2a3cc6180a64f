using System.CommandLine;
using System.Globalization;
using GapMonitor.Drift;
using GapMonitor.Drift.Distributions;
using GapMonitor.Web.Drift;
using GapMonitor.Web.Rendering;

namespace GapMonitor.Cli.Drift;

/// <summary><c>gapmonitor drift</c>: compares a current CSV file with a reference CSV file column by column.</summary>
public static class DriftCommand
{
    /// <summary>Exit code for unusable input (unreadable, empty or ragged files, bad overrides).</summary>
    public const int InputError = 2;

    /// <summary>Exit code with <c>--fail-on-drift</c> when the dataset drifted.</summary>
    public const int DatasetDrifted = 3;

    /// <summary>Builds the command; <paramref name="time"/> stamps the HTML report (the system clock by default).</summary>
    public static Command Create(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var reference = new Option<FileInfo>("--reference") { Description = "Reference CSV file (header row, RFC 4180).", Required = true };
        var current = new Option<FileInfo>("--current") { Description = "Current CSV file to compare with the reference.", Required = true };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "html");
        var outputFile = new Option<FileInfo>("--output")
        {
            Description = "Write the report to this file instead of standard output; required with --format html (a self-contained page).",
        };
        var method = new Option<string[]>("--method")
        {
            Description = $"Method for a column, COLUMN=METHOD ({string.Join(", ", DriftMethods.Names)}); repeatable.",
        };
        var threshold = new Option<string[]>("--threshold") { Description = "Threshold for a column, COLUMN=VALUE; repeatable." };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = $"Exit with {DatasetDrifted} when the dataset drifted." };

        var command = new Command("drift", "Detect data drift of a current CSV file against a reference CSV file.")
        {
            reference, current, format, outputFile, method, threshold, failOnDrift,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var chosenFormat = parse.GetValue(format);
            var target = parse.GetValue(outputFile);
            try
            {
                if (chosenFormat == "html" && target is null)
                {
                    throw new DriftInputException("--format html needs --output FILE (the report is a complete HTML page).");
                }

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
                var referenceName = parse.GetRequiredValue(reference).ToString();
                var currentName = parse.GetRequiredValue(current).ToString();
                // A file gets the whole report or nothing: render first, then replace the file in one move.
                using var buffer = target is null ? null : new StringWriter(CultureInfo.InvariantCulture);
                var writer = (TextWriter?)buffer ?? output;
                switch (chosenFormat)
                {
                    case "json":
                        await writer.WriteLineAsync(DriftJsonWriter.Write(report));
                        break;
                    case "html":
                        var distributions = DistributionCalculator.Compare(referenceTable.Columns, currentTable.Columns, DistributionCalculator.DefaultBars);
                        await writer.WriteAsync(await ComponentHtml.Standalone().RenderAsync<DriftReportDocument>(new Dictionary<string, object?>
                        {
                            [nameof(DriftReportDocument.View)] = DriftReportView.FromReport(report, distributions),
                            [nameof(DriftReportDocument.GeneratedAt)] = time.GetUtcNow(),
                            [nameof(DriftReportDocument.Subtitle)] = $"{currentName} against the reference {referenceName}",
                        }));
                        break;
                    default:
                        DriftTableRenderer.Render(TableConsole.Create(writer), report, referenceName, currentName);
                        break;
                }

                if (buffer is not null)
                {
                    await WriteFileAsync(target!, buffer.ToString(), cancellationToken);
                    await output.WriteLineAsync($"Wrote the {chosenFormat} report to {target!.FullName}");
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

    /// <summary>Writes a temporary file next to <paramref name="target"/> and moves it into place.</summary>
    private static async Task WriteFileAsync(FileInfo target, string content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            File.Move(temporary, target.FullName, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new DriftInputException($"Cannot write {target}: {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the report was not written, which the caller reports.
        }
    }
}
