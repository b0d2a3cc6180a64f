using csFastFloat;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// Parses whole lines of a quote-free CSV block into columns, the numbers straight from the UTF-8 bytes. A cell that
/// starts like a number and that <see cref="Utf8DecimalParser"/> (or, where it declines, csFastFloat: the fast_float
/// algorithm, as in Sep) reads up to the comma as a finite number is that number, correctly rounded like Sep's; an
/// empty cell is missing; any other cell gets Sep's answer (<see cref="OddCells"/>). Blank lines are skipped, as the Sep loop skips them.
/// </summary>
internal static class CsvLinesParser
{
    /// <summary>Rows written; for the first ragged line, its start in the buffer (else -1) and its field count.</summary>
    public readonly record struct Result(int Rows, int RaggedLineStart, int RaggedFields);

    /// <summary>
    /// Writes row <c>k</c> of <c>buffer[start..end)</c> at <c>columns[c][firstRow + k]</c>; sets
    /// <c>categorical[c]</c> when a cell of column <c>c</c> is not a number (then its cells are no longer parsed).
    /// </summary>
    public static Result Parse(byte[] buffer, int start, int end, double[][] columns, int firstRow, bool[] categorical)
    {
        var width = columns.Length;
        var odd = new OddCells();
        var rows = 0;
        var position = start;
        while (position < end)
        {
            var newline = buffer.AsSpan(position, end - position).IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? end : position + newline;
            var contentEnd = lineEnd > position && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd > position)
            {
                var row = firstRow + rows;
                var cell = position;
                for (var c = 0; c < width; c++)
                {
                    var cellEnd = ParseCell(buffer, cell, contentEnd, c, categorical, odd, out var value);
                    columns[c][row] = value;
                    var lastCell = cellEnd == contentEnd;
                    if (lastCell != (c == width - 1))
                    {
                        var fields = buffer.AsSpan(position, contentEnd - position).Count((byte)',') + 1;
                        return new Result(rows, position, fields);
                    }

                    cell = cellEnd + 1;
                }

                rows++;
            }

            position = lineEnd + 1;
        }

        return new Result(rows, -1, 0);
    }

    /// <summary>Parses the cell starting at <paramref name="start"/>; returns where it ends (a comma or the line's end).</summary>
    private static int ParseCell(byte[] buffer, int start, int lineEnd, int column, bool[] categorical, OddCells odd, out double value)
    {
        var line = buffer.AsSpan(start, lineEnd - start);
        if (!categorical[column] && !line.IsEmpty && StartsLikeNumber(line[0])
            && (Utf8DecimalParser.TryParse(line, out value, out var used) || FastDoubleParser.TryParseDouble(line, out used, out value))
            && double.IsFinite(value) && (used == line.Length || line[used] == ','))
        {
            return start + used;
        }

        var comma = line.IndexOf((byte)',');
        var length = comma < 0 ? line.Length : comma;
        value = double.NaN;
        if (!categorical[column] && length > 0)
        {
            value = odd.Parse(line[..length], out var notNumber);
            if (notNumber)
            {
                categorical[column] = true;
                value = double.NaN;
            }
        }

        return start + length;
    }

    private static bool StartsLikeNumber(byte first) => (uint)(first - '0') < 10 || first is (byte)'-' or (byte)'+' or (byte)'.';
}
