using System.Text.Json;
using System.Text.Json.Nodes;
using GapMonitor.Api.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary>Reads a JSON body within the size limit; malformed JSON becomes a 400 naming the offending field.</summary>
public static class RequestBody
{
    public static async Task<(T? Value, ApiResponse? Error)> ReadJsonAsync<T>(HttpRequest request, long maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, error) = await ReadBytesAsync(request, maxBytes, optional, cancellationToken);
        if (bytes is null)
        {
            return (null, error);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, ApiJson.Options);
            return value is null ? (null, Problems.Validation("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(FieldOf(ex.Path), ex.Path is null or "$" ? "The body is not valid JSON." : "This value has the wrong type or format."));
        }
    }

    /// <summary>A JSON object read as a document, member names kept exactly as sent; a member named twice is a 400.</summary>
    public static async Task<(JsonObject? Value, ApiResponse? Error)> ReadJsonObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadBytesAsync(request, maxBytes, optional: false, cancellationToken);
        if (bytes is null)
        {
            return (null, error);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, ApiJson.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (JsonObject.Create(document.RootElement.Clone()), null)
                : (null, Problems.Validation("body", "A JSON object is required."));
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(FieldOf(ex.Path), "The body is not valid JSON, or names a member twice."));
        }
    }

    private static async Task<(byte[]? Bytes, ApiResponse? Error)> ReadBytesAsync(HttpRequest request, long maxBytes, bool optional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var bytes = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        if (bytes.Length == 0)
        {
            return (null, optional ? null : Problems.Validation("body", "A JSON body is required."));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType("application/json"));
        }

        return (bytes, null);
    }

    /// <summary>Turns a JSON path like <c>$.contacts[0].email</c> into <c>contacts[0].email</c>.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
