using GapMonitor.Drift;

namespace GapMonitor.Cli.Drift;

/// <summary>A loaded CSV file: its path, row count and typed columns in header order.</summary>
internal sealed record CsvTable(string Path, long Rows, IReadOnlyList<ColumnData> Columns);
