using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GapMonitor.Api.Pipeline;

/// <summary>RFC 9457 problem details built on the framework's types; never a stack trace. The pipeline adds <c>traceId</c>.</summary>
public static class Problems
{
    public static ApiResponse Validation(IReadOnlyDictionary<string, string[]> errors) =>
        ApiResponse.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = "https://gapmonitor.dev/problems/validation",
            Title = "The request is invalid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        });

    public static ApiResponse Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiResponse Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "Authentication required.", "Send a valid API key as `Authorization: Bearer <key>` or `x-api-key: <key>`.")
            .WithHeader("WWW-Authenticate", "Bearer");

    public static ApiResponse Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    /// <summary>A 403 naming the field the caller may not set, in <c>errors</c> like a validation problem.</summary>
    public static ApiResponse ForbiddenField(string field, string message) =>
        ApiResponse.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Type = "about:blank",
            Title = "Not allowed.",
            Status = StatusCodes.Status403Forbidden,
            Detail = $"{field}: {message}",
        });

    public static ApiResponse NotFound(string what) => Create(StatusCodes.Status404NotFound, "Not found.", $"{what} does not exist.");

    public static ApiResponse Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict.", detail);

    /// <summary>A 409 naming the part of the resource that the request needs and it lacks, in <c>errors</c> like a validation problem.</summary>
    public static ApiResponse ConflictField(string field, string message) =>
        ApiResponse.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Type = "about:blank",
            Title = "Conflict.",
            Status = StatusCodes.Status409Conflict,
            Detail = $"{field}: {message}",
        });

    public static ApiResponse PreconditionFailed(string detail) => Create(StatusCodes.Status412PreconditionFailed, "Precondition failed.", detail);

    public static ApiResponse PreconditionRequired(string detail) => Create(StatusCodes.Status428PreconditionRequired, "Precondition required.", detail);

    public static ApiResponse TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "Request body too large.", $"The body may be at most {limit} bytes.");

    public static ApiResponse UnsupportedMediaType(string expected) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", $"Send {expected}.");

    public static ApiResponse Unprocessable(string detail) => Create(StatusCodes.Status422UnprocessableEntity, "Unprocessable request.", detail);

    public static ApiResponse StorageUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "Storage unavailable.", "Storage could not be reached; nothing was changed. Retry later.")
            .WithHeader("Retry-After", "5");

    /// <summary>The trace id the pipeline adds is what an operator searches the logs for.</summary>
    public static ApiResponse Unexpected() =>
        Create(StatusCodes.Status500InternalServerError, "Unexpected error.", "The request failed; nothing was half-written. Quote the traceId when reporting it.");

    private static ApiResponse Create(int status, string title, string detail) =>
        ApiResponse.Problem(new ProblemDetails { Type = "about:blank", Title = title, Status = status, Detail = detail });
}
