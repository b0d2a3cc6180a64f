using System.Globalization;
using GapMonitor.Core.Systems;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>
/// Judges a window's kept predictions with the engine: realized metrics on the labeled rows, estimates through the
/// reference's calibration, thresholds from the reference or the settings. Used when the window closes and again each
/// time labels reach it.
/// </summary>
public static class WindowPerformanceEvaluation
{
    public static WindowPerformance Evaluate(PerformanceSettings settings, PerformanceReference? reference, WindowPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(predictions);
        var options = settings.ToOptions();
        var classes = reference?.Task == settings.Task && settings.Task == PerformanceTask.MulticlassClassification
            ? reference.Classes.Take(reference.Calibration.Count).ToList()
            : [.. predictions.ProbabilityClasses];
        var sample = ToSample(settings.Task, classes, predictions);
        var judged = reference is not null && reference.Task == settings.Task
            ? reference
            : new PerformanceReference(settings.Task, sample.Classes, 0, 0, new Dictionary<string, double?>(), options.Thresholds, []);
        var report = PerformanceCalculator.Evaluate(judged, sample, options);
        var minimum = settings.MinimumRowsToJudge;
        var alerts = report.Alerts
            .Where(a => a.Source == PerformanceAlert.Realized ? report.Current.LabeledRows >= minimum : sample.Count >= minimum)
            .ToList();
        var notes = new List<string>();
        if (reference is null)
        {
            notes.Add("No performance reference: upload a reference dataset with the prediction and target columns for thresholds and estimates.");
        }

        if (report.Current.Realized is not null && report.Current.LabeledRows < minimum)
        {
            notes.Add($"Realized metrics on {report.Current.LabeledRows} labeled rows are not judged until {minimum} rows are labeled.");
        }

        if (sample.Count < predictions.Kept.Count)
        {
            notes.Add($"{predictions.Kept.Count - sample.Count} kept rows without a usable probability are left out of the metrics.");
        }

        return new WindowPerformance(predictions.Rows, report.Current.LabeledRows, report.Current.Realized, report.Current.Estimated, judged.Thresholds, alerts,
            notes.Count == 0 ? null : string.Join(" ", notes));
    }

    /// <summary>The performance of a window whose rows the engine refused: no metrics, and the note says why.</summary>
    public static WindowPerformance Unjudged(PerformanceSettings settings, WindowPredictions predictions, Exception error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(error);
        return new WindowPerformance(predictions.Rows, predictions.LabeledKept, null, null, settings.ToOptions().Thresholds, [], $"Performance could not be computed ({error.GetType().Name}).");
    }

    /// <summary>
    /// The kept rows as an engine sample; multiclass probabilities are mapped onto <paramref name="classes"/> by name.
    /// When any row has usable probabilities, rows without them are left out (one bad row must not turn the
    /// estimates off for the whole window); when none has, every row counts without probabilities.
    /// </summary>
    public static PerformanceSample ToSample(PerformanceTask task, IReadOnlyList<string> classes, WindowPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(predictions);
        bool Usable(PredictionRecord r) => task switch
        {
            PerformanceTask.BinaryClassification => r.Probabilities is { Count: 1 },
            PerformanceTask.MulticlassClassification => classes.Count >= 2 && HasAll(r, classes, predictions.ProbabilityClasses),
            _ => false,
        };
        var withProbabilities = predictions.Kept.Any(Usable);
        var sample = new PerformanceSample(task, task == PerformanceTask.MulticlassClassification ? classes : [], withProbabilities);
        var positions = classes.Select(c => predictions.ProbabilityClasses.IndexOf(c)).ToArray();
        var probabilities = new double[sample.ProbabilityClasses];
        foreach (var row in predictions.Kept)
        {
            if (task == PerformanceTask.Regression)
            {
                sample.AddRegression(Number(row.Prediction), row.Target is null ? null : Number(row.Target));
                continue;
            }

            if (withProbabilities && !Usable(row))
            {
                continue;
            }

            if (withProbabilities)
            {
                for (var i = 0; i < probabilities.Length; i++)
                {
                    probabilities[i] = task == PerformanceTask.BinaryClassification ? row.Probabilities![0] : row.Probabilities![positions[i]];
                }
            }

            sample.AddClassification(sample.ClassIndex(row.Prediction), probabilities, row.Target is null ? null : sample.ClassIndex(row.Target));
        }

        return sample;
    }

    private static bool HasAll(PredictionRecord row, IReadOnlyList<string> classes, List<string> seen) =>
        row.Probabilities is { } p && classes.All(c => seen.IndexOf(c) is var i && i >= 0 && i < p.Count && !double.IsNaN(p[i]));

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
