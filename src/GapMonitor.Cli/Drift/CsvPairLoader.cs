using GapMonitor.Drift;

namespace GapMonitor.Cli.Drift;

/// <summary>
/// Loads the reference and the current file at the same time (one core each). A column is numeric when every
/// non-missing cell in both files is a number; other columns are read again, as text, from both files.
/// </summary>
internal static class CsvPairLoader
{
    public static async Task<(CsvTable Reference, CsvTable Current)> LoadAsync(
        string referencePath, string currentPath, Action<long>? referenceProgress = null, Action<long>? currentProgress = null)
    {
        var referenceTask = Task.Run(() => CsvColumnReader.ReadNumbers(referencePath, referenceProgress));
        var currentTask = Task.Run(() => CsvColumnReader.ReadNumbers(currentPath, currentProgress));
        await Task.WhenAll(referenceTask, currentTask);

        var reference = referenceTask.Result;
        var current = currentTask.Result;
        var categorical = reference.Header.Where((_, i) => reference.Columns[i].IsCategorical)
            .Concat(current.Header.Where((_, i) => current.Columns[i].IsCategorical))
            .ToHashSet(StringComparer.Ordinal);

        var tables = await Task.WhenAll(
            Task.Run(() => Build(referencePath, reference, categorical)),
            Task.Run(() => Build(currentPath, current, categorical)));
        return (tables[0], tables[1]);
    }

    private static CsvTable Build(string path, (string[] Header, ColumnBuffer[] Columns, long Rows) file, HashSet<string> categorical)
    {
        var textIndexes = Enumerable.Range(0, file.Header.Length).Where(i => categorical.Contains(file.Header[i])).ToList();
        var text = textIndexes.Count > 0 ? CsvColumnReader.ReadStrings(path, textIndexes) : [];
        var columns = new ColumnData[file.Header.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var k = textIndexes.IndexOf(i);
            columns[i] = k >= 0
                ? new CategoricalColumnData(file.Header[i], text[k])
                : new NumericColumnData(file.Header[i], file.Columns[i].ToArray());
        }

        return new CsvTable(path, file.Rows, columns);
    }
}
