using System.Text.Json;
using GapMonitor.Api.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Requests;

/// <summary>Reads a JSON body within the size limit; malformed JSON becomes a 400 naming the offending field.</summary>
public static class RequestBody
{
    public static async Task<(T? Value, ApiResponse? Error)> ReadJsonAsync<T>(HttpRequest request, long maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
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
            return optional ? (null, null) : (null, Problems.Validation("body", "A JSON body is required."));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType("application/json"));
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
