using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Performance;

namespace GapMonitor.Core.Performance;

/// <summary>
/// Turns rows with model outputs into the <see cref="PredictionRecord"/>s of their window, for a system with
/// <c>performance</c> settings. A row counts when it has a usable prediction: a class (binary: 0 or 1, as number,
/// boolean or text) or, for regression, a finite number. Probabilities outside [0, 1] and targets that are not a class
/// or number of the task are left out of the record; the row still counts.
/// </summary>
public sealed class PredictionExtraction
{
    /// <summary>Multiclass probability classes kept per window; columns of further classes are ignored.</summary>
    public const int MaxProbabilityClasses = 100;

    private readonly string _systemId;

    public PredictionExtraction(string systemId, PerformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        ArgumentNullException.ThrowIfNull(settings);
        (_systemId, Settings) = (systemId, settings);
    }

    public PerformanceSettings Settings { get; }

    /// <summary>Null when the system declares no model outputs.</summary>
    public static PredictionExtraction? For(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Performance is { } settings ? new PredictionExtraction(system.Id, settings) : null;
    }

    /// <summary>Whether a column is one of the model's output, target or correlation id columns.</summary>
    public bool Reads(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column == Settings.Prediction
            || column == Settings.Probability
            || column == Settings.Target
            || column == Settings.CorrelationId
            || ProbabilityClass(column) is not null;
    }

    /// <summary>
    /// Adds the row's prediction to <paramref name="window"/> (created on its first prediction); false when the row has none.
    /// </summary>
    /// <param name="row">The row's cells (at least those <see cref="Reads"/> accepts).</param>
    /// <param name="recordCorrelationId">The id of the row when it has no correlation-id column of its own.</param>
    public bool Add(OpenWindow window, DateTimeOffset windowStart, IEnumerable<KeyValuePair<string, OutputValue>> row, string? recordCorrelationId)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(row);
        var cells = row as IReadOnlyCollection<KeyValuePair<string, OutputValue>> ?? [.. row];
        var predictions = window.Predictions ?? WindowPredictions.For(_systemId, windowStart);
        if (Extract(cells, recordCorrelationId, predictions.ProbabilityClasses) is not { } record)
        {
            return false;
        }

        window.Predictions = predictions;
        predictions.Add(record);
        return true;
    }

    /// <summary>The row's record, growing <paramref name="probabilityClasses"/> with new multiclass probability columns; null without a usable prediction.</summary>
    public PredictionRecord? Extract(IReadOnlyCollection<KeyValuePair<string, OutputValue>> row, string? recordCorrelationId, List<string> probabilityClasses)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(probabilityClasses);
        OutputValue? prediction = null, probability = null, target = null, correlationId = null;
        foreach (var (name, value) in row)
        {
            if (name == Settings.Prediction)
            {
                prediction = value;
            }

            if (name == Settings.Probability)
            {
                probability = value;
            }

            if (name == Settings.Target)
            {
                target = value;
            }

            if (name == Settings.CorrelationId)
            {
                correlationId = value;
            }
        }

        if (prediction is not { } predicted || Value(predicted) is not { } predictedText)
        {
            return null;
        }

        var id = (correlationId is { } own ? OutputText.CorrelationId(own) : null) ?? recordCorrelationId;
        var targetText = target is { } t ? Value(t) : null;
        var probabilities = Settings.Task switch
        {
            PerformanceTask.BinaryClassification => probability is { } p && Probability(p) is { } q ? [q] : null,
            PerformanceTask.MulticlassClassification => ClassProbabilities(row, probabilityClasses),
            _ => null,
        };
        return new PredictionRecord(id, predictedText, probabilities, targetText);
    }

    private string? Value(OutputValue value)
    {
        switch (Settings.Task)
        {
            case PerformanceTask.Regression:
                return OutputText.Number(value) is { } number ? OutputText.Label(new OutputValue(TelemetryValueKind.Number, number, null)) : null;
            case PerformanceTask.BinaryClassification:
                var label = OutputText.Label(value);
                return label is "0" or "1" ? label : null;
            default:
                return OutputText.Label(value);
        }
    }

    private double[]? ClassProbabilities(IReadOnlyCollection<KeyValuePair<string, OutputValue>> row, List<string> classes)
    {
        List<(int Index, double Value)>? found = null;
        foreach (var (name, value) in row)
        {
            if (ProbabilityClass(name) is not { } label)
            {
                continue;
            }

            var index = classes.IndexOf(label);
            if (index < 0 && classes.Count < MaxProbabilityClasses)
            {
                classes.Add(label);
                index = classes.Count - 1;
            }

            if (index >= 0)
            {
                (found ??= []).Add((index, Probability(value) ?? double.NaN));
            }
        }

        if (found is null)
        {
            return null;
        }

        var probabilities = new double[classes.Count];
        Array.Fill(probabilities, double.NaN);
        foreach (var (index, value) in found)
        {
            probabilities[index] = value;
        }

        return probabilities;
    }

    private string? ProbabilityClass(string column) =>
        Settings.ProbabilityPrefix is { Length: > 0 } prefix && column.Length > prefix.Length && column.StartsWith(prefix, StringComparison.Ordinal)
            ? OutputText.Label(column[prefix.Length..])
            : null;

    private static double? Probability(OutputValue value) => OutputText.Number(value) is { } p && p >= 0 && p <= 1 ? p : null;
}
