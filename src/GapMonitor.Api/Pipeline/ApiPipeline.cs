using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GapMonitor.Api.Auth;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GapMonitor.Api.Pipeline;

/// <summary>
/// What every route does around its handler, identically in both hosts: authenticate, authorise the role,
/// replay or record <c>Idempotency-Key</c> requests, and map failures to problem details.
/// </summary>
public sealed class ApiPipeline(
    ApiKeyAuthenticator authenticator,
    IIdempotencyStore idempotency,
    IOptions<GapMonitorOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiPipeline> logger)
{
    public long MaxRequestBytes => options.Value.MaxRequestBytes;

    /// <param name="cancellationToken">The host's token for this request; the handler gets one cancelled by it or by the client going away.</param>
    public async Task<IResult> RunAsync(HttpContext http, Access access, Func<Principal?, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(handler);
        // The standalone host's token is RequestAborted itself; only a different host token needs linking.
        using var requestCancellation = cancellationToken == http.RequestAborted ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, http.RequestAborted);
        var response = await RunHandlerAsync(http, access, handler, requestCancellation?.Token ?? cancellationToken);
        return response.WithTraceId(http.TraceIdentifier);
    }

    private async Task<ApiResponse> RunHandlerAsync(HttpContext http, Access access, Func<Principal?, CancellationToken, Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        RequestBodyLimit.Apply(http, MaxRequestBytes);
        try
        {
            Principal? principal = null;
            if (!access.Anonymous)
            {
                principal = await authenticator.AuthenticateAsync(http.Request, access.RecentSystemsSuffice, cancellationToken);
                if (principal is null)
                {
                    return Problems.Unauthorized();
                }

                if (!access.Roles.Contains(principal.Role))
                {
                    return Problems.Forbidden($"A {principal.Role.ToString().ToLowerInvariant()} key may not call this route.");
                }
            }

            var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
            if (principal is not null && !HttpMethods.IsGet(http.Request.Method) && !string.IsNullOrEmpty(idempotencyKey))
            {
                return await RunIdempotentAsync(http, principal, idempotencyKey, () => handler(principal, cancellationToken), cancellationToken);
            }

            return await handler(principal, cancellationToken);
        }
        catch (Exception ex) when (IsTooLarge(ex))
        {
            return Problems.TooLarge(http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxRequestBytes);
        }
        catch (InvalidContinuationException)
        {
            return Problems.Validation(ListQuery.Cursor, ListQuery.CursorMessage);
        }
        catch (Exception ex) when (IsStorageUnavailable(ex))
        {
            logger.LogWarning(ex, "Storage unavailable during {Method} {Path}", http.Request.Method, http.Request.Path);
            return Problems.StorageUnavailable();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ApiResponse.Empty(499);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Unhandled error in {Method} {Path}", http.Request.Method, http.Request.Path);
            return Problems.Unexpected();
        }
    }

    private async Task<ApiResponse> RunIdempotentAsync(HttpContext http, Principal principal, string key, Func<Task<ApiResponse>> handler, CancellationToken cancellationToken)
    {
        if (key.Length > 200)
        {
            return Problems.Validation("Idempotency-Key", "At most 200 characters.");
        }

        http.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        var requestHash = await HashBodyAsync(http.Request, cancellationToken);
        if (requestHash is null)
        {
            return Problems.TooLarge(MaxRequestBytes);
        }

        var scopedKey = $"{principal.KeyId}|{http.Request.Method}|{http.Request.Path}|{key}";
        var (claim, stored) = await idempotency.TryClaimAsync(scopedKey, requestHash, timeProvider.GetUtcNow(), cancellationToken);
        switch (claim)
        {
            case IdempotencyClaim.Completed when stored!.RequestHash != requestHash:
                return Problems.Unprocessable("This Idempotency-Key was already used with a different request body.");
            case IdempotencyClaim.Completed:
                var replay = ApiResponse.Raw(stored!.Status, stored.Body, stored.ContentType);
                foreach (var (name, value) in stored.Headers)
                {
                    replay.WithHeader(name, value);
                }

                return replay.WithHeader("Idempotent-Replayed", "true");
            case IdempotencyClaim.InProgress:
                return Problems.Conflict("A request with this Idempotency-Key is still being processed.");
        }

        ApiResponse response;
        try
        {
            response = (await handler()).WithTraceId(http.TraceIdentifier);
        }
        catch
        {
            await idempotency.ReleaseAsync(scopedKey, CancellationToken.None);
            throw;
        }

        if (response.Status >= 500)
        {
            await idempotency.ReleaseAsync(scopedKey, CancellationToken.None);
        }
        else
        {
            try
            {
                await idempotency.CompleteAsync(scopedKey, new StoredResponse(response.Status, response.Body, response.ContentType, response.Headers, requestHash), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The work is done: answer it. Without a stored response a retry runs again (and meets what this one did).
                logger.LogError(ex, "Could not store the idempotent response of {Method} {Path}", http.Request.Method, http.Request.Path);
                await ReleaseQuietlyAsync(scopedKey);
            }
        }

        return response;
    }

    private async Task ReleaseQuietlyAsync(string scopedKey)
    {
        try
        {
            await idempotency.ReleaseAsync(scopedKey, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not release an idempotency claim; it expires by itself");
        }
    }

    private async Task<string?> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxRequestBytes)
            {
                return null;
            }

            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        sha.AppendData(Encoding.UTF8.GetBytes(request.ContentType ?? ""));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The body limit was hit, possibly while a storage client was streaming the body (it wraps the exception).</summary>
    private static bool IsTooLarge(Exception ex) => ex switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTooLarge),
        _ => ex.InnerException is { } inner && IsTooLarge(inner),
    };

    private static bool IsStorageUnavailable(Exception ex) => ex switch
    {
        StorageUnavailableException => true,
        HttpRequestException or SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageUnavailable),
        _ => ex.InnerException is { } inner && IsStorageUnavailable(inner),
    };
}
