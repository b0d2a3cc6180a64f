using System.CommandLine;
using GapMonitor.Cli.Drift;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Cli.Performance;

/// <summary>
/// <c>gapmonitor performance</c>: the realized and label-free estimated performance of a model's outputs in a current
/// CSV file, judged against thresholds from a reference CSV file (API.md "Concept drift: model performance").
/// </summary>
public static class PerformanceCommand
{
    /// <summary>Exit code for unusable input (unreadable files, missing columns, bad values, bad options).</summary>
    public const int InputError = 2;

    /// <summary>Exit code with <c>--fail-on-degradation</c> when a metric that raises alerts left its thresholds.</summary>
    public const int Degraded = 4;

    private const string Name = "performance";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var reference = new Option<FileInfo>("--reference") { Description = "Reference CSV file with the target column (header row, RFC 4180).", Required = true };
        var current = new Option<FileInfo>("--current") { Description = "Current CSV file with the model's outputs; the target column is optional.", Required = true };
        var task = new Option<string>("--task") { Description = $"The model's task ({string.Join(", ", PerformanceTasks.Names)}).", Required = true };
        var prediction = new Option<string>("--prediction") { Description = "Column with the predicted class or value.", Required = true };
        var probability = new Option<string?>("--probability") { Description = "Binary: column with the probability of class 1." };
        var prefix = new Option<string?>("--probability-prefix") { Description = "Multiclass: probability columns are PREFIX<class>." };
        var target = new Option<string?>("--target") { Description = "Column with the true class or value (required in the reference; an empty cell is an unlabeled row)." };
        var metric = new Option<string[]>("--metric") { Description = "A metric that raises alerts (default: roc_auc, accuracy or mae by task); repeatable." };
        var chunkRows = new Option<int>("--chunk-rows")
        {
            Description = "Rows per reference chunk the thresholds are derived from (mean ± 3·std).",
            DefaultValueFactory = _ => PerformanceOptions.DefaultChunkRows,
        };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var failOnDegradation = new Option<bool>("--fail-on-degradation") { Description = $"Exit with {Degraded} when a metric left its thresholds." };

        var command = new Command(Name, "Judge a model's performance on a current CSV file against a reference CSV file (realized and estimated metrics).")
        {
            reference, current, task, prediction, probability, prefix, target, metric, chunkRows, format, failOnDegradation,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var taskName = parse.GetRequiredValue(task);
                if (!PerformanceTasks.TryParse(taskName, out var performanceTask))
                {
                    throw new DriftInputException($"--task {taskName}: unknown task; use one of {string.Join(", ", PerformanceTasks.Names)}.");
                }

                var columns = new PerformanceColumns(
                    performanceTask, parse.GetRequiredValue(prediction), parse.GetValue(probability), parse.GetValue(prefix), parse.GetValue(target));
                var options = Options(columns, parse.GetValue(metric) ?? [], parse.GetValue(chunkRows));
                var referencePath = parse.GetRequiredValue(reference).FullName;
                var currentPath = parse.GetRequiredValue(current).FullName;
                var (referenceTable, currentTable) = await LoadProgress.LoadAsync(referencePath, currentPath, error);
                cancellationToken.ThrowIfCancellationRequested();
                var referenceSample = PerformanceSampleBuilder.Reference(referenceTable, columns);
                var currentSample = PerformanceSampleBuilder.Current(currentTable, columns, referenceSample);
                var report = PerformanceCalculator.Evaluate(PerformanceCalculator.Fit(referenceSample, options), currentSample, options);
                if (parse.GetValue(format) == "json")
                {
                    await output.WriteLineAsync(PerformanceJsonWriter.Write(report));
                }
                else
                {
                    PerformanceTableRenderer.Render(TableConsole.Create(output), report, parse.GetRequiredValue(reference).ToString(), parse.GetRequiredValue(current).ToString());
                }

                return parse.GetValue(failOnDegradation) && report.Degraded ? Degraded : 0;
            }
            catch (DriftInputException e)
            {
                await error.WriteLineAsync($"gapmonitor {Name}: {e.Message}");
                return InputError;
            }
        });
        return command;
    }

    /// <summary>
    /// Whether <paramref name="parse"/> is a <c>performance</c> command line the parser refused (unknown task or option,
    /// missing required option); <see cref="ReportUsageAsync"/> then answers it in one line with exit code 2.
    /// </summary>
    public static bool IsMisused(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.Errors.Count > 0 && parse.CommandResult.Command.Name == Name;
    }

    /// <summary>Writes the parser's errors on one line and returns <see cref="InputError"/>.</summary>
    public static async Task<int> ReportUsageAsync(ParseResult parse, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        await error.WriteLineAsync($"gapmonitor {Name}: {string.Join(" ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Replace('\t', ' ')))} (see gapmonitor {Name} --help)");
        return InputError;
    }

    private static PerformanceOptions Options(PerformanceColumns columns, string[] metrics, int chunkRows)
    {
        var taskName = PerformanceTasks.Name(columns.Task);
        var (binary, multiclass) = (columns.Task == PerformanceTask.BinaryClassification, columns.Task == PerformanceTask.MulticlassClassification);
        string? refusal = (columns.Probability, columns.ProbabilityPrefix) switch
        {
            ({ }, { }) => "give --probability (binary) or --probability-prefix (multiclass), not both.",
            ({ }, null) when !binary => $"--probability is for binary-classification; a {taskName} model {(multiclass ? "names its probability columns with --probability-prefix" : "has no probabilities")}.",
            (null, { }) when !multiclass => $"--probability-prefix is for multiclass-classification; a {taskName} model {(binary ? "names its probability of class 1 with --probability" : "has no probabilities")}.",
            _ => null,
        };
        if (refusal is not null)
        {
            throw new DriftInputException(refusal);
        }

        if (chunkRows < 1)
        {
            throw new DriftInputException($"--chunk-rows {chunkRows}: expected a whole number of rows ≥ 1.");
        }

        var ofTask = PerformanceMetrics.Of(columns.Task);
        if (metrics.FirstOrDefault(m => !ofTask.Contains(m, StringComparer.Ordinal)) is { } unknown)
        {
            throw new DriftInputException($"--metric {unknown}: not a metric of {taskName}; use one of {string.Join(", ", ofTask)}.");
        }

        return new PerformanceOptions { ChunkRows = chunkRows, AlertMetrics = [.. metrics.Distinct(StringComparer.Ordinal)] };
    }
}
