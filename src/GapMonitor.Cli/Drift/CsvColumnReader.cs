using System.Globalization;
using GapMonitor.Drift;
using nietras.SeparatedValues;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// Reads RFC 4180 CSV files with a header row into columns. Sep does the parsing rather than a hand-written
/// reader: it handles quoting (escaped quotes, separators and newlines inside quotes) with SIMD and parses doubles
/// with csFastFloat, which is what keeping the whole drift run well under a quarter of pandas' time needs.
/// </summary>
internal static class CsvColumnReader
{
    private const int ProgressEveryRows = 4096;

    /// <summary>Parses every column as numbers (NaN for missing), marking columns where some cell is not a number.</summary>
    public static (string[] Header, ColumnBuffer[] Columns, long Rows) ReadNumbers(string path, Action<long>? progress = null)
    {
        using var stream = Open(path);
        using var reader = CreateReader(path, stream);
        var header = Header(path, reader);
        var columns = header.Select(_ => new ColumnBuffer()).ToArray();
        long rows = 0;
        try
        {
            foreach (var row in reader)
            {
                if (IsBlank(row))
                {
                    continue;
                }

                CheckWidth(path, row, header.Length);
                for (var c = 0; c < columns.Length; c++)
                {
                    var column = columns[c];
                    if (column.IsCategorical)
                    {
                        continue;
                    }

                    var cell = row[c];
                    column.Add(ParseCell(cell, column));
                }

                if (++rows % ProgressEveryRows == 0)
                {
                    progress?.Invoke(stream.Position);
                    if (rows == ProgressEveryRows)
                    {
                        Presize(columns, rows, stream);
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new DriftInputException($"Cannot parse {path}: {e.Message}", e);
        }

        progress?.Invoke(stream.Length);
        if (rows == 0)
        {
            throw new DriftInputException($"{path} has a header row but no data rows.");
        }

        return (header, columns, rows);
    }

    /// <summary>Reads the given columns as text (null for missing).</summary>
    public static string?[][] ReadStrings(string path, IReadOnlyList<int> columnIndexes)
    {
        using var stream = Open(path);
        using var reader = CreateReader(path, stream);
        var header = Header(path, reader);
        var columns = columnIndexes.Select(_ => new List<string?>()).ToArray();
        try
        {
            foreach (var row in reader)
            {
                if (IsBlank(row))
                {
                    continue;
                }

                CheckWidth(path, row, header.Length);
                for (var k = 0; k < columnIndexes.Count; k++)
                {
                    var span = row[columnIndexes[k]].Span;
                    columns[k].Add(MissingTokens.IsMissing(span) ? null : span.ToString());
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new DriftInputException($"Cannot parse {path}: {e.Message}", e);
        }

        return columns.Select(c => c.ToArray()).ToArray();
    }

    private static void Presize(ColumnBuffer[] columns, long rows, FileStream stream)
    {
        var expected = (long)(rows * 1.05 * stream.Length / Math.Max(1, stream.Position));
        foreach (var column in columns)
        {
            column.EnsureCapacity(expected);
        }
    }

    private static double ParseCell(SepReader.Col cell, ColumnBuffer column)
    {
        if (cell.TryParse<double>(out var value))
        {
            return double.IsFinite(value) ? value : double.NaN;
        }

        var span = cell.Span;
        if (MissingTokens.IsMissing(span) || MissingTokens.IsMissing(span.Trim()))
        {
            return double.NaN;
        }

        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return double.IsFinite(value) ? value : double.NaN;
        }

        column.IsCategorical = true;
        return double.NaN;
    }

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DriftInputException($"Cannot read {path}: it is a directory, not a CSV file.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DriftInputException($"Cannot read {path}: {e.Message}", e);
        }
    }

    private static SepReader CreateReader(string path, FileStream stream)
    {
        try
        {
            return Sep.Reader(o => o with
            {
                Sep = new Sep(','),
                HasHeader = true,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(stream, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            throw new DriftInputException($"Cannot parse the header of {path}: {e.Message}", e);
        }
    }

    private static string[] Header(string path, SepReader reader)
    {
        if (reader.IsEmpty || reader.Header.ColNames.Count == 0)
        {
            throw new DriftInputException($"{path} is empty: expected a header row and data rows.");
        }

        var names = reader.Header.ColNames.ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DriftInputException($"{path}: the header names column '{duplicate.Key}' more than once.");
        }

        return names;
    }

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.IsEmpty;

    private static void CheckWidth(string path, SepReader.Row row, int width)
    {
        if (row.ColCount != width)
        {
            throw new DriftInputException(
                $"{path}, line {row.LineNumberFrom}: {row.ColCount} fields, but the header has {width} (ragged row).");
        }
    }
}
