namespace GapMonitor.Drift;

/// <summary>
/// Computes a <see cref="DriftReport"/> of current data against reference data, column by column (in parallel),
/// either from raw columns or from profiles.
/// </summary>
public static class DriftCalculator
{
    /// <summary>Compares raw columns matched by name with the default methods and thresholds.</summary>
    /// <exception cref="DriftConfigurationException">A column name appears twice on one side.</exception>
    public static DriftReport Compare(IReadOnlyList<ColumnData> reference, IReadOnlyList<ColumnData> current) =>
        Compare(reference, current, new DriftOptions());

    /// <summary>Compares raw columns matched by name. Columns on one side only are reported as skipped.</summary>
    /// <exception cref="DriftConfigurationException">
    /// A column name appears twice on one side, an override names a column not in both datasets, a threshold is
    /// negative or not finite, a method cannot judge the column (e.g. KS on a categorical column), or an option is
    /// out of range.
    /// </exception>
    public static DriftReport Compare(IReadOnlyList<ColumnData> reference, IReadOnlyList<ColumnData> current, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        CheckUniqueNames(reference, "reference");
        CheckUniqueNames(current, "current");
        var currentByName = current.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var referenceNames = reference.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        CheckOverrides(options, referenceNames.Intersect(currentByName.Keys));

        var pairs = reference.Where(r => currentByName.ContainsKey(r.Name)).Select(r => (r, currentByName[r.Name])).ToArray();
        var outcomes = ForEachColumn(pairs.Length, options, i => CompareColumn(pairs[i].Item1, pairs[i].Item2, options));

        var oneSided = OneSided(reference.Select(c => c.Name).ToList(), current.Select(c => c.Name).ToList());
        var referenceRows = reference.Count > 0 ? reference.Max(c => c.Rows) : 0;
        var currentRows = current.Count > 0 ? current.Max(c => c.Rows) : 0;
        return Assemble(referenceRows, currentRows, outcomes, oneSided, options);
    }

    /// <summary>Compares column profiles matched by name with the default methods and thresholds.</summary>
    public static DriftReport Compare(Profiles.DatasetProfile reference, Profiles.DatasetProfile current) =>
        Compare(reference, current, new DriftOptions());

    /// <summary>
    /// Compares column profiles matched by name (e.g. a telemetry window against a reference profile). Exact when
    /// the profiles' samples hold every value; otherwise within the errors documented in the package README.
    /// </summary>
    /// <exception cref="DriftConfigurationException">As for the overload on raw columns.</exception>
    public static DriftReport Compare(Profiles.DatasetProfile reference, Profiles.DatasetProfile current, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var currentByName = current.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var referenceNames = reference.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        CheckOverrides(options, referenceNames.Intersect(currentByName.Keys));
        var pairs = reference.Columns.Where(r => currentByName.ContainsKey(r.Name)).Select(r => (r, currentByName[r.Name])).ToArray();
        var outcomes = ForEachColumn(pairs.Length, options, i =>
        {
            var name = pairs[i].r.Name;
            DriftMethod? method = options.Methods.TryGetValue(name, out var m) ? m : null;
            double? threshold = options.Thresholds.TryGetValue(name, out var t) ? t : null;
            return ProfileColumnDrift.Compare(name, pairs[i].r, pairs[i].Item2, method, threshold);
        });
        var oneSided = OneSided(reference.Columns.Select(c => c.Name).ToList(), current.Columns.Select(c => c.Name).ToList());
        return Assemble(reference.Rows, current.Rows, outcomes, oneSided, options);
    }

    /// <summary>Runs <paramref name="compare"/> for every column in parallel; a configuration error surfaces as itself.</summary>
    internal static ColumnOutcome[] ForEachColumn(int count, DriftOptions options, Func<int, ColumnOutcome> compare)
    {
        var outcomes = new ColumnOutcome[count];
        try
        {
            Parallel.For(
                0,
                count,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
                i => outcomes[i] = compare(i));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is DriftConfigurationException) is { } configuration)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(configuration);
        }

        return outcomes;
    }

    private static IEnumerable<SkippedColumn> OneSided(IReadOnlyList<string> referenceNames, IReadOnlyList<string> currentNames)
    {
        var inReference = referenceNames.ToHashSet(StringComparer.Ordinal);
        var inCurrent = currentNames.ToHashSet(StringComparer.Ordinal);
        return referenceNames.Where(n => !inCurrent.Contains(n)).Select(n => new SkippedColumn(n, SkipReason.ReferenceOnly))
            .Concat(currentNames.Where(n => !inReference.Contains(n)).Select(n => new SkippedColumn(n, SkipReason.CurrentOnly)));
    }

    internal static DriftReport Assemble(
        long referenceRows, long currentRows, IEnumerable<ColumnOutcome> outcomes, IEnumerable<SkippedColumn> skipped, DriftOptions options)
    {
        var list = outcomes.ToList();
        var columns = list.Where(o => o.Drift is not null).Select(o => o.Drift!).ToList();
        var allSkipped = list.Where(o => o.Skipped is not null).Select(o => o.Skipped!).Concat(skipped).ToList();
        var drifted = columns.Count(c => c.Drifted);
        var share = columns.Count == 0 ? 0.0 : (double)drifted / columns.Count;
        return new DriftReport(
            referenceRows, currentRows, columns, allSkipped, drifted, share, columns.Count > 0 && share >= options.DatasetDriftShare);
    }

    private static void CheckUniqueNames(IReadOnlyList<ColumnData> columns, string side)
    {
        var duplicates = columns.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (duplicates.Count > 0)
        {
            throw new DriftConfigurationException($"The {side} data has more than one column named {string.Join(", ", duplicates)}.");
        }
    }

    internal static void CheckOverrides(DriftOptions options, IEnumerable<string> comparable)
    {
        if (!double.IsFinite(options.DatasetDriftShare) || options.DatasetDriftShare is < 0 or > 1)
        {
            throw new DriftConfigurationException($"DatasetDriftShare must lie between 0 and 1 (got {options.DatasetDriftShare}).");
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new DriftConfigurationException($"MaxDegreeOfParallelism must be -1 (no limit) or at least 1 (got {options.MaxDegreeOfParallelism}).");
        }

        var known = comparable.ToHashSet(StringComparer.Ordinal);
        var unknown = options.Methods.Keys.Concat(options.Thresholds.Keys).Where(n => !known.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DriftConfigurationException(
                $"No column named {string.Join(", ", unknown.Select(n => $"'{n}'"))} in both reference and current data.");
        }

        var bad = options.Thresholds.Where(t => !double.IsFinite(t.Value) || t.Value < 0).Select(t => t.Key).ToList();
        if (bad.Count > 0)
        {
            throw new DriftConfigurationException($"Threshold for {string.Join(", ", bad)} must be a finite number ≥ 0.");
        }
    }

    private static ColumnOutcome CompareColumn(ColumnData reference, ColumnData current, DriftOptions options)
    {
        var name = reference.Name;
        DriftMethod? method = options.Methods.TryGetValue(name, out var m) ? m : null;
        double? threshold = options.Thresholds.TryGetValue(name, out var t) ? t : null;
        if (reference is NumericColumnData r && current is NumericColumnData c)
        {
            return NumericColumnDrift.Compare(name, r.Values, c.Values, method, threshold);
        }

        return CategoricalColumnDrift.Compare(name, AsCategories(reference), AsCategories(current), method, threshold);
    }

    private static string?[] AsCategories(ColumnData column) => column switch
    {
        CategoricalColumnData c => c.Values,
        NumericColumnData n => n.Values.Select(v => double.IsFinite(v) ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null).ToArray(),
        _ => throw new DriftConfigurationException(
            $"Column '{column.Name}' is a {column.GetType().Name}; only NumericColumnData and CategoricalColumnData are supported."),
    };
}
