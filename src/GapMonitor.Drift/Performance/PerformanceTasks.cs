namespace GapMonitor.Drift.Performance;

/// <summary>The task names of the API and the CLI.</summary>
public static class PerformanceTasks
{
    /// <summary>The name of <see cref="PerformanceTask.BinaryClassification"/>.</summary>
    public const string Binary = "binary-classification";

    /// <summary>The name of <see cref="PerformanceTask.MulticlassClassification"/>.</summary>
    public const string Multiclass = "multiclass-classification";

    /// <summary>The name of <see cref="PerformanceTask.Regression"/>.</summary>
    public const string Regression = "regression";

    /// <summary>All task names.</summary>
    public static IReadOnlyList<string> Names { get; } = [Binary, Multiclass, Regression];

    /// <summary>The name of <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    public static string Name(PerformanceTask task) => task switch
    {
        PerformanceTask.BinaryClassification => Binary,
        PerformanceTask.MulticlassClassification => Multiclass,
        PerformanceTask.Regression => Regression,
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>Reads a task name (exact, lower case).</summary>
    /// <param name="name">The name.</param>
    /// <param name="task">The task when the name is known.</param>
    public static bool TryParse(string? name, out PerformanceTask task)
    {
        (var known, task) = name switch
        {
            Binary => (true, PerformanceTask.BinaryClassification),
            Multiclass => (true, PerformanceTask.MulticlassClassification),
            Regression => (true, PerformanceTask.Regression),
            _ => (false, default),
        };
        return known;
    }
}
