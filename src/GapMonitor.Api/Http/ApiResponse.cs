using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Api.Http;

/// <summary>
/// What every handler returns: status, JSON body and headers. Kept as data (not written straight to the response)
/// so an idempotent request can store it and replay it byte for byte.
/// </summary>
public sealed class ApiResponse : IResult
{
    private ApiResponse(int status, string? body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public string? Body { get; }

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResponse Json<T>(int status, T body) =>
        new(status, JsonSerializer.Serialize(body, ApiJson.Options), "application/json; charset=utf-8");

    public static ApiResponse Problem(int status, object problem) =>
        new(status, JsonSerializer.Serialize(problem, ApiJson.Options), "application/problem+json; charset=utf-8");

    public static ApiResponse Empty(int status) => new(status, null, null);

    public static ApiResponse Raw(int status, string? body, string? contentType) => new(status, body, contentType);

    public ApiResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is not null)
        {
            response.ContentType = ContentType;
            await response.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
