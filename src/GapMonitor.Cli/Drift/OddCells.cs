using System.Text;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// The cells that <see cref="Utf8CsvNumberReader"/> does not read as plain decimal numbers (missing-value tokens, text,
/// spaces, "1e", out-of-range numbers): each gets exactly the answer of the Sep loop, by reading the cell's text alone
/// through Sep, remembered per distinct text so that a column of "NA"s costs one Sep read.
/// </summary>
internal sealed class OddCells
{
    private const int MaxRemembered = 4096;

    private readonly Dictionary<string, (double Value, bool NotNumber)> _answers = new(StringComparer.Ordinal);

    /// <summary>The cell's number (NaN when missing); <paramref name="notNumber"/> when the cell makes its column categorical.</summary>
    public double Parse(ReadOnlySpan<byte> utf8, out bool notNumber)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (!_answers.TryGetValue(text, out var answer))
        {
            answer = (CsvColumnReader.ParseCellText(text, out var isText), isText);
            if (_answers.Count < MaxRemembered)
            {
                _answers[text] = answer;
            }
        }

        notNumber = answer.NotNumber;
        return answer.Value;
    }
}
