using System.Text;
using System.Text.Json;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Reads the model outputs of a stored reference dataset (the uploaded CSV or NDJSON) with the same rules as pushed and
/// pulled rows (<see cref="PredictionExtraction"/>): rows without a usable prediction are skipped. The upload was
/// checked when it was stored, so a row that does not parse now is skipped too.
/// </summary>
internal static class ReferencePredictionReader
{
    public static async Task<WindowPredictions> ReadAsync(Stream content, string contentType, PredictionExtraction extraction, CancellationToken cancellationToken)
    {
        var predictions = new WindowPredictions();
        var cells = new List<KeyValuePair<string, OutputValue>>();
        if (contentType == ReferenceFormats.Csv)
        {
            ReadCsv(content, extraction, predictions, cells);
            return predictions;
        }

        using var reader = new StreamReader(content, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                cells.Clear();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (extraction.Reads(property.Name))
                    {
                        cells.Add(KeyValuePair.Create(property.Name, OutputValue.From(property.Value)));
                    }
                }

                Keep(extraction, predictions, cells);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Checked at upload; nothing to count here.
            }
        }

        return predictions;
    }

    private static void ReadCsv(Stream content, PredictionExtraction extraction, WindowPredictions predictions, List<KeyValuePair<string, OutputValue>> cells)
    {
        using var reader = ReferenceUploader.OpenCsv(content);
        var names = reader.Header.ColNames.ToArray();
        var read = Enumerable.Range(0, names.Length).Where(i => extraction.Reads(names[i])).ToArray();
        foreach (var row in reader)
        {
            if (row.ColCount != names.Length)
            {
                continue;
            }

            cells.Clear();
            foreach (var i in read)
            {
                var span = row[i].Span;
                if (!MissingTokens.IsMissing(span))
                {
                    cells.Add(KeyValuePair.Create(names[i], new OutputValue(TelemetryValueKind.String, double.NaN, span.ToString())));
                }
            }

            Keep(extraction, predictions, cells);
        }
    }

    /// <summary>Every row is kept: the reference is fitted on all its rows, in order.</summary>
    private static void Keep(PredictionExtraction extraction, WindowPredictions predictions, List<KeyValuePair<string, OutputValue>> cells)
    {
        if (extraction.Extract(cells, null, predictions.ProbabilityClasses) is { } record)
        {
            predictions.Rows++;
            predictions.Kept.Add(record);
        }
    }
}
