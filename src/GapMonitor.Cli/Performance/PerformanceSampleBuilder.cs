using System.Globalization;
using GapMonitor.Cli.Drift;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Cli.Performance;

/// <summary>
/// Builds the engine's <see cref="PerformanceSample"/> of a loaded CSV file. Binary labels are 0/1, 0.0/1.0 or
/// true/false; multiclass labels are text (numbers in invariant form) and the classes come from the reference's
/// probability columns; regression values are numbers. An empty target cell is an unlabeled row.
/// </summary>
internal static class PerformanceSampleBuilder
{
    /// <summary>The reference sample: it must have the target column.</summary>
    public static PerformanceSample Reference(CsvTable table, PerformanceColumns columns)
    {
        if (columns.Target is null || CsvCells.Find(table, columns.Target) is null)
        {
            throw new DriftInputException(columns.Target is null
                ? "gapmonitor performance needs the target column in the reference: give it with --target."
                : $"{table.Path} has no column '{columns.Target}' (--target): gapmonitor performance needs the target column in the reference.");
        }

        var classes = columns.ProbabilityPrefix is { } prefix
            ? table.Columns.Select(c => c.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length)
                .Select(n => n[prefix.Length..]).ToList()
            : [];
        if (columns.ProbabilityPrefix is not null && classes.Count < 2)
        {
            throw new DriftInputException(
                $"{table.Path} has {classes.Count} column(s) named '{columns.ProbabilityPrefix}<class>' (--probability-prefix): a multiclass model needs at least two.");
        }

        return Build(table, columns, classes, []);
    }

    /// <summary>The current sample, with the reference's classes in the same order; it may lack the target column.</summary>
    public static PerformanceSample Current(CsvTable table, PerformanceColumns columns, PerformanceSample reference)
    {
        var probabilityClasses = reference.Classes.Take(columns.ProbabilityPrefix is null ? 0 : reference.ProbabilityClasses).ToList();
        return Build(table, columns, probabilityClasses, reference.Classes.Skip(probabilityClasses.Count));
    }

    private static PerformanceSample Build(CsvTable table, PerformanceColumns columns, List<string> probabilityClasses, IEnumerable<string> knownClasses)
    {
        var prediction = Column(table, columns.Prediction, "--prediction");
        var target = columns.Target is null ? null : CsvCells.Find(table, columns.Target);
        CsvCells[] probabilities = columns.Probability is { } p
            ? [Column(table, p, "--probability")]
            : [.. probabilityClasses.Select(c => Column(table, columns.ProbabilityPrefix + c, "--probability-prefix"))];
        var sample = new PerformanceSample(columns.Task, probabilityClasses, hasProbabilities: probabilities.Length > 0);
        foreach (var label in knownClasses)
        {
            sample.ClassIndex(label);
        }

        var values = new double[probabilities.Length];
        for (var row = 0; row < table.Rows; row++)
        {
            if (columns.Task == PerformanceTask.Regression)
            {
                var predicted = prediction.Number(row) ?? throw prediction.Bad(row, "the prediction is missing");
                sample.AddRegression(predicted, target?.Number(row));
                continue;
            }

            for (var k = 0; k < probabilities.Length; k++)
            {
                values[k] = Probability(probabilities[k], row);
            }

            var predictedClass = ClassOf(sample, prediction, row) ?? throw prediction.Bad(row, "the prediction is missing");
            sample.AddClassification(predictedClass, values, target is null ? null : ClassOf(sample, target, row));
        }

        return sample;
    }

    private static int? ClassOf(PerformanceSample sample, CsvCells cells, int row)
    {
        if (sample.Task == PerformanceTask.BinaryClassification && cells.IsNumeric)
        {
            return cells.Number(row) switch
            {
                null => null,
                0 => 0,
                1 => 1,
                { } other => throw cells.Bad(row, $"'{other.ToString(CultureInfo.InvariantCulture)}' is not a binary label (0/1, 0.0/1.0 or true/false)"),
            };
        }

        var text = cells.Text(row)?.Trim();
        if (text is null)
        {
            return null;
        }

        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (sample.Task == PerformanceTask.MulticlassClassification)
        {
            return sample.ClassIndex(isNumber ? value.ToString(CultureInfo.InvariantCulture) : text);
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag ? 1 : 0;
        }

        return isNumber && value is 0 or 1
            ? (int)value
            : throw cells.Bad(row, $"'{text}' is not a binary label (0/1, 0.0/1.0 or true/false)");
    }

    private static double Probability(CsvCells cells, int row)
    {
        var value = cells.Number(row) ?? throw cells.Bad(row, "the probability is missing");
        return value is >= 0 and <= 1 ? value : throw cells.Bad(row, $"{value.ToString(CultureInfo.InvariantCulture)} is not a probability in [0, 1]");
    }

    private static CsvCells Column(CsvTable table, string name, string option) =>
        CsvCells.Find(table, name) ?? throw new DriftInputException($"{table.Path} has no column '{name}' ({option}).");
}
