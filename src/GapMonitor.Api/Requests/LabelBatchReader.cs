using System.Text;
using System.Text.Json;
using GapMonitor.Api.Pipeline;
using GapMonitor.Core.Performance;
using GapMonitor.Drift.Performance;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary>
/// Reads a label batch: a JSON array (or NDJSON, one object a line) of <c>{ "correlationId", "target" }</c>, targets
/// written like stored model outputs and checked against the model's task; every bad element is named (<c>[3].target</c>,
/// counting elements from 0, blank NDJSON lines not counted).
/// </summary>
internal static class LabelBatchReader
{
    public const int MaxLabels = 100_000;

    private const int MaxErrors = 100;

    public static async Task<(List<Label>? Labels, ApiResponse? Error)> ReadAsync(HttpRequest request, PerformanceTask task, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var labels = new List<Label>();
        var v = new Validation();
        var errors = 0;
        var index = 0;
        void Read(JsonElement element)
        {
            var field = $"[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Refuse(field, "Each label is a JSON object { \"correlationId\": \"…\", \"target\": … }.");
                return;
            }

            var id = element.TryGetProperty("correlationId", out var idValue) ? OutputText.CorrelationId(OutputValue.From(idValue)) : null;
            var (target, refusal) = element.TryGetProperty("target", out var targetValue)
                ? LabelText.Target(task, OutputValue.From(targetValue))
                : (null, "Required: " + LabelText.Refusal(task, null));
            if (id is null)
            {
                Refuse($"{field}.correlationId", $"Required: the correlation id of a prediction, a string of 1–{OutputText.MaxCorrelationId} characters.");
            }

            if (refusal is not null)
            {
                Refuse($"{field}.target", refusal);
            }

            if (id is not null && target is not null)
            {
                labels.Add(new Label(id, target));
            }
        }

        void Refuse(string field, string message)
        {
            if (errors++ < MaxErrors)
            {
                v.Add(field, message);
            }
        }

        try
        {
            if (MediaType(request.ContentType) == Core.Telemetry.ReferenceFormats.Ndjson)
            {
                foreach (var line in Encoding.UTF8.GetString(buffer.ToArray()).Split('\n'))
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        using var document = JsonDocument.Parse(line, ApiJson.DocumentOptions);
                        Read(document.RootElement);
                    }
                }
            }
            else
            {
                using var document = JsonDocument.Parse(buffer.ToArray(), ApiJson.DocumentOptions);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return (null, Problems.Validation("body", "A JSON array of labels (or NDJSON with Content-Type application/x-ndjson)."));
                }

                foreach (var element in document.RootElement.EnumerateArray())
                {
                    Read(element);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escapes half a surrogate pair ("\ud800"), which only reading it reveals.
            return (null, Problems.Validation("body", $"Not valid JSON: {ex.Message}"));
        }

        if (!v.IsValid)
        {
            return (null, v.ToProblem());
        }

        return labels.Count is 0 or > MaxLabels
            ? (null, Problems.Validation("body", $"Send between 1 and {MaxLabels} labels."))
            : (labels, null);
    }

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}
