namespace GapMonitor.Drift;

/// <summary>
/// Cell texts read as missing: empty, and the strings pandas' <c>read_csv</c> treats as NaN by default, so that a
/// column typed and counted here is typed and counted the same way by a pandas + scipy script on the same file.
/// </summary>
public static class MissingTokens
{
    private static readonly string[] Tokens =
    [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ];

    /// <summary>True when <paramref name="cell"/> is empty or one of pandas' default NaN strings (exact, case-sensitive).</summary>
    public static bool IsMissing(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.Length > 8)
        {
            return false;
        }

        foreach (var token in Tokens)
        {
            if (cell.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
