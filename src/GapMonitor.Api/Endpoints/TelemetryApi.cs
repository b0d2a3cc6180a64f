using System.Globalization;
using System.Text.Json;
using GapMonitor.Api.Contracts;
using GapMonitor.Api.Hosting;
using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GapMonitor.Api.Endpoints;

/// <summary>Reference upload, pushed telemetry rows and the drift windows computed from them.</summary>
public sealed class TelemetryApi(
    ApiPipeline pipeline,
    SystemScope scope,
    ReferenceDatasets references,
    TelemetryPush push,
    IDriftWindowStore windows,
    IdGenerator ids,
    TimeProvider timeProvider)
{
    private const long MaxReferenceBytes = 256L * 1024 * 1024;
    private const int MaxRowsPerBatch = 100_000;

    public Task<IResult> PutReferenceAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var contentType = MediaType(http.Request.ContentType);
        if (contentType is not (ReferenceFormats.Csv or ReferenceFormats.Ndjson))
        {
            return Problems.UnsupportedMediaType("text/csv (with a header row) or application/x-ndjson");
        }

        if (http.Request.ContentLength > MaxReferenceBytes)
        {
            return Problems.TooLarge(MaxReferenceBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxReferenceBytes;
        }

        ReferenceUpload upload;
        try
        {
            upload = await references.UploadAsync(found.System, principal!.Name, contentType, http.Request.Body, cancellationToken);
        }
        catch (ReferenceFormatException ex)
        {
            return Problems.Validation(ex.Field, ex.Message);
        }

        return ApiResponse.Json(StatusCodes.Status201Created, new ReferenceResponse(id, upload.Version, upload.Rows, upload.Columns, upload.Bytes));
    }, cancellationToken);

    public Task<IResult> PostTelemetryAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.Push, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var documents = new List<JsonDocument>();
        try
        {
            return await PushAsync(http, id, found.System, documents, cancellationToken);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }, cancellationToken);

    public Task<IResult> ListDriftAsync(HttpContext http, string id, CancellationToken cancellationToken) => pipeline.RunAsync(http, Access.AnyRole, async (principal, cancellationToken) =>
    {
        var found = await scope.FindAsync(http, principal!, id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"System '{id}'");
        }

        var v = new Validation();
        var from = Time(v, "from", http.Request.Query["from"]);
        var to = Time(v, "to", http.Request.Query["to"]);
        var page = ListQuery.Read(http.Request, ApiRoutes.DriftWindows, v);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var items = await windows.ListPageAsync(id, from, to, page, cancellationToken);
        return ApiResponse.Json(StatusCodes.Status200OK, new DriftWindowList(
            [.. items.Items.Select(w => new DriftWindowResponse(
                w.WindowStart, w.WindowEnd, w.Rows, w.ReferenceVersion, w.DatasetDrift, w.DriftedColumns, w.DriftShare,
                w.ReportJson is null ? null : JsonDocument.Parse(w.ReportJson).RootElement.Clone(),
                [.. w.Findings.Select(f => new FindingResponse(f.Kind, f.Column, f.Detail, f.Value))],
                w.ModelVersions, w.Note, w.Performance?.ToResponse()))],
            ListQuery.Next(ApiRoutes.DriftWindows, items.Continuation)));
    }, cancellationToken);

    private async Task<ApiResponse> PushAsync(HttpContext http, string id, MonitoredSystem system, List<JsonDocument> documents, CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        if (await ReadRowsAsync(http.Request, pipeline.MaxRequestBytes, documents, rows, cancellationToken) is { } error)
        {
            return error;
        }

        var batchId = FirstNonEmpty(http.Request.Query["batchId"], http.Request.Headers["Batch-Id"], http.Request.Headers["Idempotency-Key"]) ?? ids.NewId();
        var modelVersion = FirstNonEmpty(http.Request.Query["modelVersion"], http.Request.Headers["Model-Version"]);
        if (batchId.Length > 200 || modelVersion?.Length > 100)
        {
            return Problems.Validation(batchId.Length > 200 ? "batchId" : "modelVersion", "Too long (batchId at most 200, modelVersion at most 100 characters).");
        }

        var v = new Validation();
        var at = Time(v, "at", http.Request.Query["at"]);
        if (at is { } pushedAt && ClientTimes.IsTooFarAhead(pushedAt, timeProvider.GetUtcNow()))
        {
            v.Add("at", $"Lies more than {ClientTimes.MaxAhead.TotalMinutes:0} minutes ahead of the service's clock.");
        }

        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var outcome = await push.PushAsync(system, new PushedBatch(batchId, modelVersion, at, rows), cancellationToken);
        if (outcome.Refused is { } column)
        {
            return Problems.Validation(column.Field, column.Message);
        }

        return ApiResponse.Json(outcome.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted, new TelemetryAccepted(id, batchId, outcome.Accepted, outcome.Duplicate, outcome.WindowStart));
    }

    /// <summary>
    /// Parses the body once: the rows stay elements of the parsed documents (disposed by the caller), which the push
    /// writes out as they are. Memory is bounded by the request size limit.
    /// </summary>
    private static async Task<ApiResponse?> ReadRowsAsync(HttpRequest request, long maxBytes, List<JsonDocument> documents, List<JsonElement> rows, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return Problems.TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > maxBytes)
        {
            return Problems.TooLarge(maxBytes);
        }

        var body = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        var ndjson = MediaType(request.ContentType) == ReferenceFormats.Ndjson;
        try
        {
            if (ndjson)
            {
                var line = 0;
                while (!body.IsEmpty)
                {
                    line++;
                    var end = body.Span.IndexOf((byte)'\n');
                    var text = end < 0 ? body : body[..end];
                    body = end < 0 ? ReadOnlyMemory<byte>.Empty : body[(end + 1)..];
                    if (text.Span.Trim(" \t\r"u8).IsEmpty)
                    {
                        continue;
                    }

                    var document = JsonDocument.Parse(text, ApiJson.DocumentOptions);
                    documents.Add(document);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        return Problems.Validation($"line {line}", "Each line must be a JSON object of feature → value.");
                    }

                    rows.Add(Readable(document.RootElement));
                }
            }
            else
            {
                var document = JsonDocument.Parse(body, ApiJson.DocumentOptions);
                documents.Add(document);
                var array = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("rows", out var wrapped) ? wrapped : document.RootElement;
                if (array.ValueKind != JsonValueKind.Array)
                {
                    return Problems.Validation("body", "A JSON array of row objects (or NDJSON with Content-Type application/x-ndjson).");
                }

                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        return Problems.Validation($"[{index}]", "Each row must be a JSON object of feature → value.");
                    }

                    rows.Add(Readable(element));
                    index++;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a name or string escapes half a surrogate pair ("\ud800"), which only reading it reveals.
            return Problems.Validation("body", $"Not valid JSON: {ex.Message}");
        }

        if (rows.Count == 0 || rows.Count > MaxRowsPerBatch)
        {
            return Problems.Validation("body", $"Send between 1 and {MaxRowsPerBatch} rows.");
        }

        return null;
    }

    /// <summary>Reads names and string values once, so one that cannot be read fails here (as invalid JSON) and not when written out.</summary>
    private static JsonElement Readable(JsonElement row)
    {
        foreach (var property in row.EnumerateObject())
        {
            _ = property.Name;
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                _ = property.Value.GetString();
            }
        }

        return row;
    }

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static DateTimeOffset? Time(Validation v, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        v.Add(field, "An ISO 8601 time, such as 2026-11-26T00:00:00Z.");
        return null;
    }
}
