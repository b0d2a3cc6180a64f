using System.Runtime.InteropServices;

namespace GapMonitor.Drift.Performance;

/// <summary>
/// Model outputs of a set of rows, with their targets where known, kept column by column. Classification labels are
/// indices into <see cref="Classes"/>: binary classes are always "0" and "1"; multiclass starts with the classes that have
/// a probability column (<see cref="ProbabilityClasses"/>) and grows with any other label seen.
/// </summary>
public sealed class PerformanceSample
{
    private readonly List<string> _classes;
    private readonly Dictionary<string, int> _classIndex;
    private readonly List<double> _predictions = [];
    private readonly List<double> _targets = [];
    private readonly List<double> _probabilities = [];

    /// <summary>An empty sample.</summary>
    /// <param name="task">The model's task.</param>
    /// <param name="probabilityClasses">
    /// Multiclass: the classes with a probability column, in column order (empty when there are none). Binary: ignored
    /// (the classes are "0" and "1"). Regression: must be empty.
    /// </param>
    /// <param name="hasProbabilities">Whether rows carry probabilities (binary: P(class 1); multiclass: one per probability class).</param>
    public PerformanceSample(PerformanceTask task, IReadOnlyList<string> probabilityClasses, bool hasProbabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilityClasses);
        Task = task;
        _classes = task switch
        {
            PerformanceTask.BinaryClassification => ["0", "1"],
            PerformanceTask.MulticlassClassification => [.. probabilityClasses],
            _ => [],
        };
        _classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _classes.Count; i++)
        {
            if (!_classIndex.TryAdd(_classes[i], i))
            {
                throw new ArgumentException($"The class '{_classes[i]}' is listed twice.", nameof(probabilityClasses));
            }
        }

        ProbabilityClasses = task switch
        {
            PerformanceTask.BinaryClassification => hasProbabilities ? 1 : 0,
            PerformanceTask.MulticlassClassification => hasProbabilities ? _classes.Count : 0,
            _ => 0,
        };
        if (task == PerformanceTask.MulticlassClassification && hasProbabilities && _classes.Count < 2)
        {
            throw new ArgumentException("A multiclass model with probabilities needs at least two probability classes.", nameof(probabilityClasses));
        }
    }

    /// <summary>The model's task.</summary>
    public PerformanceTask Task { get; }

    /// <summary>Class labels by index (classification); empty for regression.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Probabilities each row carries: 0 without probabilities, 1 for binary (P(class 1)), else one per class in <see cref="Classes"/> order.</summary>
    public int ProbabilityClasses { get; }

    /// <summary>Rows added.</summary>
    public int Count => _predictions.Count;

    /// <summary>Rows added with a target.</summary>
    public int LabeledCount { get; private set; }

    /// <summary>The index of a class label, adding it when new (multiclass); binary accepts only "0" and "1".</summary>
    /// <param name="label">The class label as text.</param>
    public int ClassIndex(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (_classIndex.TryGetValue(label, out var index))
        {
            return index;
        }

        if (Task != PerformanceTask.MulticlassClassification)
        {
            throw new ArgumentException($"'{label}' is not a class of a {PerformanceTasks.Name(Task)} model.", nameof(label));
        }

        _classIndex.Add(label, _classes.Count);
        _classes.Add(label);
        return _classes.Count - 1;
    }

    /// <summary>Adds a classification row.</summary>
    /// <param name="predicted">Index of the predicted class.</param>
    /// <param name="probabilities">Exactly <see cref="ProbabilityClasses"/> values in [0, 1].</param>
    /// <param name="target">Index of the true class; null when not known (yet).</param>
    public void AddClassification(int predicted, ReadOnlySpan<double> probabilities, int? target)
    {
        if (Task == PerformanceTask.Regression)
        {
            throw new InvalidOperationException("A regression sample takes numbers: use AddRegression.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, _classes.Count);
        if (target is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(t, nameof(target));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, _classes.Count, nameof(target));
        }

        if (probabilities.Length != ProbabilityClasses)
        {
            throw new ArgumentException($"Expected {ProbabilityClasses} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        foreach (var p in probabilities)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "A probability lies in [0, 1].");
            }
        }

        _predictions.Add(predicted);
        _targets.Add(target is { } known ? known : double.NaN);
        LabeledCount += target is null ? 0 : 1;
        foreach (var p in probabilities)
        {
            _probabilities.Add(p);
        }
    }

    /// <summary>Adds a regression row.</summary>
    /// <param name="predicted">The predicted value (finite).</param>
    /// <param name="target">The true value (finite); null when not known (yet).</param>
    public void AddRegression(double predicted, double? target)
    {
        if (Task != PerformanceTask.Regression)
        {
            throw new InvalidOperationException("A classification sample takes class indices: use AddClassification.");
        }

        if (!double.IsFinite(predicted) || target is { } t && !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(predicted), "Regression values are finite numbers.");
        }

        _predictions.Add(predicted);
        _targets.Add(target ?? double.NaN);
        LabeledCount += target is null ? 0 : 1;
    }

    /// <summary>Predictions by row: class indices, or values for regression.</summary>
    internal IReadOnlyList<double> Predictions => _predictions;

    /// <summary>Targets by row (NaN: unknown): class indices, or values for regression.</summary>
    internal IReadOnlyList<double> Targets => _targets;

    /// <summary>Row-major probabilities, <see cref="ProbabilityClasses"/> per row.</summary>
    internal IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary><see cref="Predictions"/> without copying (valid until the next row is added).</summary>
    internal ReadOnlySpan<double> PredictionSpan => CollectionsMarshal.AsSpan(_predictions);

    /// <summary><see cref="Targets"/> without copying (valid until the next row is added).</summary>
    internal ReadOnlySpan<double> TargetSpan => CollectionsMarshal.AsSpan(_targets);

    /// <summary><see cref="Probabilities"/> without copying (valid until the next row is added).</summary>
    internal ReadOnlySpan<double> ProbabilitySpan => CollectionsMarshal.AsSpan(_probabilities);
}
