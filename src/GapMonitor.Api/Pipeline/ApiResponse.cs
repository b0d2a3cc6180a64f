using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GapMonitor.Api.Pipeline;

/// <summary>
/// What every handler returns: status, JSON body and headers. Kept as data (not written straight to the response)
/// so an idempotent request can store it and replay it byte for byte.
/// </summary>
public sealed class ApiResponse : IResult
{
    private const string ProblemContentType = "application/problem+json; charset=utf-8";

    private readonly ProblemDetails? _problem;

    private ApiResponse(int status, string? body, string? contentType, ProblemDetails? problem = null)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        _problem = problem;
    }

    public int Status { get; }

    public string? Body { get; }

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResponse Json<T>(int status, T body) =>
        new(status, JsonSerializer.Serialize(body, ApiJson.Options), "application/json; charset=utf-8");

    public static ApiResponse Problem(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status ?? StatusCodes.Status500InternalServerError, Serialize(problem), ProblemContentType, problem);
    }

    public static ApiResponse Empty(int status) => new(status, null, null);

    public static ApiResponse Raw(int status, string? body, string? contentType) => new(status, body, contentType);

    public ApiResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>
    /// A problem answer gains the request's <c>traceId</c> extension (other answers are returned as they are).
    /// The body is serialized here, once, so an idempotent replay stores and returns these exact bytes.
    /// </summary>
    public ApiResponse WithTraceId(string traceId)
    {
        if (_problem is null || _problem.Extensions.ContainsKey("traceId"))
        {
            return this;
        }

        _problem.Extensions["traceId"] = traceId;
        var traced = new ApiResponse(Status, Serialize(_problem), ContentType, _problem);
        foreach (var (name, value) in Headers)
        {
            traced.Headers[name] = value;
        }

        return traced;
    }

    private static string Serialize(ProblemDetails problem) => JsonSerializer.Serialize(problem, problem.GetType(), ApiJson.Options);

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
