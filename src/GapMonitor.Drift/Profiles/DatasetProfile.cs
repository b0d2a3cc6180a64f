namespace GapMonitor.Drift.Profiles;

/// <summary>Profiles of every column of a dataset or telemetry window, mergeable and serialisable.</summary>
public sealed class DatasetProfile
{
    private readonly Dictionary<string, ColumnProfile> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Creates an empty profile.</summary>
    public DatasetProfile(ProfileSettings? settings = null) => Settings = settings ?? ProfileSettings.Default;

    /// <summary>The bounds used for new columns.</summary>
    public ProfileSettings Settings { get; }

    /// <summary>
    /// Rows in the dataset. <see cref="FromColumns"/> and <see cref="Merge"/> keep it; a caller that adds values
    /// through <see cref="Column"/> counts each row it adds here.
    /// </summary>
    public long Rows { get; set; }

    /// <summary>Column profiles in the order columns were first seen.</summary>
    public IReadOnlyList<ColumnProfile> Columns => _order.Select(n => _columns[n]).ToList();

    /// <summary>The profile of <paramref name="name"/>, created when new.</summary>
    public ColumnProfile Column(string name)
    {
        if (!_columns.TryGetValue(name, out var profile))
        {
            profile = new ColumnProfile(name, Settings);
            _columns[name] = profile;
            _order.Add(name);
        }

        return profile;
    }

    /// <summary>
    /// Profiles raw columns: numbers as numbers, a <see cref="CategoricalColumnData"/>'s values as categories, exactly
    /// as <see cref="DriftCalculator"/> reads the raw columns.
    /// </summary>
    public static DatasetProfile FromColumns(IEnumerable<ColumnData> data, ProfileSettings? settings = null)
    {
        var profile = new DatasetProfile(settings);
        foreach (var column in data)
        {
            var target = profile.Column(column.Name);
            switch (column)
            {
                case NumericColumnData numeric:
                    foreach (var v in numeric.Values)
                    {
                        target.Add(v);
                    }

                    break;
                case CategoricalColumnData categorical:
                    foreach (var v in categorical.Values)
                    {
                        target.AddCategory(v);
                    }

                    break;
                default:
                    throw new ArgumentException($"Column '{column.Name}' is a {column.GetType().Name}; only NumericColumnData and CategoricalColumnData are supported.", nameof(data));
            }

            profile.Rows = Math.Max(profile.Rows, column.Rows);
        }

        return profile;
    }

    /// <summary>Merges another window or partition into this one.</summary>
    public void Merge(DatasetProfile other)
    {
        Rows += other.Rows;
        foreach (var column in other.Columns)
        {
            Column(column.Name).Merge(column);
        }
    }

    internal void Restore(ColumnProfile column)
    {
        _columns[column.Name] = column;
        _order.Add(column.Name);
    }
}
