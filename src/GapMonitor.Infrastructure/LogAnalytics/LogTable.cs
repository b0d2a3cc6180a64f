namespace GapMonitor.Infrastructure.LogAnalytics;

/// <summary>One table of a query result: named columns and rows whose cells are read by column name.</summary>
public sealed class LogTable
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly List<LogRow> _rows = [];

    internal LogTable(string name, IReadOnlyList<LogColumn> columns)
    {
        Name = name;
        Columns = columns;
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _ordinals.TryAdd(columns[i].Name, i);
        }
    }

    public string Name { get; }

    public IReadOnlyList<LogColumn> Columns { get; }

    public IReadOnlyList<LogRow> Rows => _rows;

    /// <summary>The position of <paramref name="column"/>, or -1 when the table has no such column (names are case-sensitive, as in KQL).</summary>
    public int IndexOf(string column) => _ordinals.TryGetValue(column, out var index) ? index : -1;

    internal void Add(LogRow row) => _rows.Add(row);

    /// <summary>A copy of this table holding only the rows <paramref name="keep"/> accepts.</summary>
    internal LogTable Where(Func<LogRow, bool> keep)
    {
        var copy = new LogTable(Name, Columns);
        foreach (var row in _rows.Where(keep))
        {
            copy.Add(new LogRow(copy, row.Cells));
        }

        return copy;
    }

    internal int OrdinalOf(string column) => IndexOf(column) is var index and >= 0
        ? index
        : throw new ArgumentException($"The table '{Name}' has no column '{column}'; its columns are {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(column));
}
