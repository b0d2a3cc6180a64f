using System.Globalization;
using GapMonitor.Cli.Drift;
using GapMonitor.Drift;

namespace GapMonitor.Cli.Performance;

/// <summary>Cells of one loaded CSV column as text or numbers; a bad cell is reported by file, data row and column.</summary>
internal sealed class CsvCells(string path, ColumnData column)
{
    public string Name => column.Name;

    /// <summary>Whether every cell of the column (in both files) is a number or missing.</summary>
    public bool IsNumeric => column is NumericColumnData;

    /// <summary>The cell as text (numbers in invariant form); null when missing.</summary>
    public string? Text(int row) => column switch
    {
        NumericColumnData n => double.IsNaN(n.Values[row]) ? null : n.Values[row].ToString(CultureInfo.InvariantCulture),
        CategoricalColumnData c => c.Values[row],
        _ => throw new InvalidOperationException($"Unexpected column type {column.GetType().Name}."),
    };

    /// <summary>The cell as a finite number; null when missing.</summary>
    public double? Number(int row)
    {
        if (column is NumericColumnData n)
        {
            return double.IsNaN(n.Values[row]) ? null : n.Values[row];
        }

        var text = Text(row);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Bad(row, $"'{text}' is not a number");
    }

    public DriftInputException Bad(int row, string problem) =>
        new($"{path}, data row {row + 1}, column '{column.Name}': {problem}.");

    /// <summary>The column named <paramref name="name"/> of <paramref name="table"/>, or null.</summary>
    public static CsvCells? Find(CsvTable table, string name) =>
        table.Columns.FirstOrDefault(c => c.Name == name) is { } column ? new CsvCells(table.Path, column) : null;
}
