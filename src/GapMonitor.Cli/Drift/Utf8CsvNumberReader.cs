using System.Text;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// The fast path of <see cref="CsvColumnReader.ReadNumbers"/>: reads the file's bytes in large blocks and parses each
/// block's lines on all cores, the numbers straight from the UTF-8 bytes (<see cref="CsvLinesParser"/>). It takes files
/// without quotes and without a carriage return outside "\r\n", where a line is a row and a comma ends a cell, and
/// returns null for any other file (also when the first quote turns up late in the file), which Sep then reads.
/// Header, columns, numbers and errors are the same as the Sep loop's.
/// </summary>
internal static class Utf8CsvNumberReader
{
    private const int BlockBytes = 16 << 20;
    private const int PieceBytes = 1 << 20;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static (string[] Header, ColumnBuffer[] Columns, long Rows)? TryRead(string path, FileStream stream, Action<long>? progress)
    {
        try
        {
            return Read(path, stream, progress);
        }
        catch (IOException e)
        {
            throw new DriftInputException($"Cannot parse {path}: {e.Message}", e);
        }
    }

    private static (string[] Header, ColumnBuffer[] Columns, long Rows)? Read(string path, FileStream stream, Action<long>? progress)
    {
        var buffer = new byte[(int)Math.Min(BlockBytes, stream.Length + 1)];
        var filled = 0;
        var endOfFile = false;
        long bufferOffset = 0;
        long linesBefore = 0;
        string[]? header = null;
        ColumnBuffer[] columns = [];
        long rows = 0;
        while (true)
        {
            while (!endOfFile && filled < buffer.Length)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                endOfFile = read == 0;
                filled += read;
            }

            var end = endOfFile ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && !endOfFile)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            if (!IsPlain(buffer.AsSpan(0, end)))
            {
                return null;
            }

            var start = 0;
            if (header is null)
            {
                if (buffer.AsSpan(0, end).StartsWith(Utf8Bom))
                {
                    start = Utf8Bom.Length;
                }

                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 || (end > start && buffer[start] is 0x00 or 0xFE or 0xFF))
                {
                    return null;
                }

                var line = buffer.AsSpan(start, newline).TrimEnd((byte)'\r');
                if (line.IsEmpty)
                {
                    return null;
                }

                header = Names(path, line);
                columns = header.Select(_ => new ColumnBuffer()).ToArray();
                start += newline + 1;
                linesBefore = 1;
            }

            rows += ParseBlock(path, buffer, start, end, columns, linesBefore - buffer.AsSpan(0, start).Count((byte)'\n'));
            linesBefore += buffer.AsSpan(start, end - start).Count((byte)'\n');
            progress?.Invoke(bufferOffset + end);
            if (endOfFile)
            {
                return (header, columns, rows);
            }

            if (bufferOffset == 0)
            {
                Presize(columns, rows, stream.Length, end);
            }

            buffer.AsSpan(end, filled - end).CopyTo(buffer);
            filled -= end;
            bufferOffset += end;
        }
    }

    /// <summary>No quote, and every carriage return is part of a "\r\n".</summary>
    private static bool IsPlain(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOfAny((byte)'"', (byte)'\r');
        while (at >= 0)
        {
            if (bytes[at] == '"' || at + 1 == bytes.Length || bytes[at + 1] != '\n')
            {
                return false;
            }

            var next = bytes[(at + 2)..].IndexOfAny((byte)'"', (byte)'\r');
            at = next < 0 ? -1 : at + 2 + next;
        }

        return true;
    }

    private static string[] Names(string path, ReadOnlySpan<byte> line)
    {
        var names = new List<string>();
        foreach (var range in line.Split((byte)','))
        {
            names.Add(Encoding.UTF8.GetString(line[range]));
        }

        var header = names.ToArray();
        CsvColumnReader.CheckUniqueNames(path, header);
        return header;
    }

    /// <summary>
    /// Parses the lines of <c>buffer[start..end)</c> in pieces on all cores into the columns; returns the rows read.
    /// <paramref name="linesBeforeBuffer"/> counts the lines before <c>buffer[0]</c>, for the line number of an error.
    /// </summary>
    private static long ParseBlock(string path, byte[] buffer, int start, int end, ColumnBuffer[] columns, long linesBeforeBuffer)
    {
        var bounds = PieceBounds(buffer, start, end);
        var pieces = bounds.Length - 1;
        var offsets = new int[pieces + 1];
        for (var p = 0; p < pieces; p++)
        {
            var span = buffer.AsSpan(bounds[p], bounds[p + 1] - bounds[p]);
            offsets[p + 1] = offsets[p] + span.Count((byte)'\n') + (span.EndsWith((byte)'\n') ? 0 : 1);
        }

        var first = columns[0].Count;
        var arrays = columns.Select(c => c.Reserve(offsets[pieces])).ToArray();
        var categorical = columns.Select(c => c.IsCategorical).ToArray();
        var results = new CsvLinesParser.Result[pieces];
        if (pieces == 1)
        {
            results[0] = CsvLinesParser.Parse(buffer, bounds[0], bounds[1], arrays, first, categorical);
        }
        else
        {
            Parallel.For(0, pieces, p => results[p] = CsvLinesParser.Parse(buffer, bounds[p], bounds[p + 1], arrays, first + offsets[p], categorical));
        }

        var raggedPiece = Array.FindIndex(results, r => r.RaggedLineStart >= 0);
        if (raggedPiece >= 0)
        {
            var ragged = results[raggedPiece];
            var line = linesBeforeBuffer + buffer.AsSpan(0, ragged.RaggedLineStart).Count((byte)'\n') + 1;
            throw new DriftInputException(
                $"{path}, line {line}: {ragged.RaggedFields} fields, but the header has {columns.Length} (ragged row).");
        }

        var rows = 0;
        for (var p = 0; p < pieces; p++)
        {
            if (rows != offsets[p])
            {
                foreach (var array in arrays)
                {
                    Array.Copy(array, first + offsets[p], array, first + rows, results[p].Rows);
                }
            }

            rows += results[p].Rows;
        }

        for (var c = 0; c < columns.Length; c++)
        {
            columns[c].Advance(rows);
            columns[c].IsCategorical = categorical[c];
        }

        return rows;
    }

    /// <summary>Splits <c>[start, end)</c> at line ends into about one piece per MiB, at most four per core.</summary>
    private static int[] PieceBounds(byte[] buffer, int start, int end)
    {
        var pieces = (int)Math.Clamp((end - start) / PieceBytes, 1, 4 * Environment.ProcessorCount);
        var bounds = new List<int> { start };
        for (var p = 1; p < pieces; p++)
        {
            var target = Math.Max(bounds[^1], start + (int)((long)(end - start) * p / pieces));
            var newline = buffer.AsSpan(target, end - target).IndexOf((byte)'\n');
            if (newline >= 0 && target + newline + 1 < end)
            {
                bounds.Add(target + newline + 1);
            }
        }

        bounds.Add(end);
        return bounds.Distinct().ToArray();
    }

    /// <summary>Grows the columns once to the size the first block predicts for the whole file.</summary>
    private static void Presize(ColumnBuffer[] columns, long rows, long fileBytes, long blockBytes)
    {
        var expected = (long)(rows * 1.05 * fileBytes / Math.Max(1, blockBytes));
        foreach (var column in columns)
        {
            column.EnsureCapacity(expected);
        }
    }
}
