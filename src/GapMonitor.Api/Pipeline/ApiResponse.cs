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
    private string? _body;

    private ApiResponse(int status, string? body, string? contentType, ProblemDetails? problem = null)
    {
        Status = status;
        _body = body;
        ContentType = contentType;
        _problem = problem;
    }

    public int Status { get; }

    /// <summary>A problem is serialized when first read, after the pipeline added its trace id; from then on the bytes are fixed.</summary>
    public string? Body => _body ??= _problem is null ? null : JsonSerializer.Serialize(_problem, _problem.GetType(), ApiJson.Options);

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResponse Json<T>(int status, T body) =>
        new(status, JsonSerializer.Serialize(body, ApiJson.Options), "application/json; charset=utf-8");

    public static ApiResponse Problem(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status ?? StatusCodes.Status500InternalServerError, null, ProblemContentType, problem);
    }

    public static ApiResponse Empty(int status) => new(status, null, null);

    public static ApiResponse Raw(int status, string? body, string? contentType) => new(status, body, contentType);

    public ApiResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>A problem answer not yet serialized gains the request's <c>traceId</c> extension; other answers are returned as they are.</summary>
    public ApiResponse WithTraceId(string traceId)
    {
        if (_problem is not null && _body is null)
        {
            _problem.Extensions.TryAdd("traceId", traceId);
        }

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
