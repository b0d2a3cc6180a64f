using GapMonitor.Api.Pipeline;
using GapMonitor.Api.Tests.Hosting;
using GapMonitor.Core.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.Api.Tests.Pipeline;

/// <summary>The handler's token is cancelled by the host's token for the request (a trigger's) or by the client going away.</summary>
public sealed class ApiPipelineCancellationTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    private ApiPipeline Pipeline => _host.Services.GetRequiredService<ApiPipeline>();

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_WhenNothingIsCancelled_GivesTheHandlerALiveTokenThatIsNeitherSource()
    {
        using var hostToken = new CancellationTokenSource();
        using var requestAborted = new CancellationTokenSource();
        var http = NewRequest("GET", requestAborted.Token);
        CancellationToken seen = default;

        var result = await Pipeline.RunAsync(http, Access.Anyone, (_, cancellationToken) =>
        {
            seen = cancellationToken;
            return Task.FromResult(ApiResponse.Empty(StatusCodes.Status204NoContent));
        }, hostToken.Token);

        Assert.Equal(StatusCodes.Status204NoContent, Assert.IsType<ApiResponse>(result).Status);
        Assert.True(seen.CanBeCanceled);
        Assert.False(seen.IsCancellationRequested);
        Assert.NotEqual(hostToken.Token, seen);
        Assert.NotEqual(requestAborted.Token, seen);
    }

    [Theory]
    [InlineData("host token")]
    [InlineData("request aborted")]
    public async Task RunAsync_WhenEitherSourceIsCancelledWhileTheHandlerRuns_CancelsTheHandlersTokenAndAnswers499(string source)
    {
        using var hostToken = new CancellationTokenSource();
        using var requestAborted = new CancellationTokenSource();
        var http = NewRequest("GET", requestAborted.Token);
        var cancelledBefore = true;

        var result = await Pipeline.RunAsync(http, Access.Anyone, async (_, cancellationToken) =>
        {
            cancelledBefore = cancellationToken.IsCancellationRequested;
            await (source == "host token" ? hostToken : requestAborted).CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return ApiResponse.Empty(StatusCodes.Status204NoContent);
        }, hostToken.Token);

        Assert.False(cancelledBefore);
        Assert.Equal(499, Assert.IsType<ApiResponse>(result).Status);
    }

    [Fact]
    public async Task RunAsync_WhenAnIdempotentRequestIsCancelledByTheHostToken_ReleasesTheKeySoTheRetryRuns()
    {
        using var hostToken = new CancellationTokenSource();
        var runs = 0;
        Func<Principal?, CancellationToken, Task<ApiResponse>> handler = async (_, cancellationToken) =>
        {
            if (++runs == 1)
            {
                await hostToken.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            return ApiResponse.Empty(StatusCodes.Status204NoContent);
        };

        var aborted = await Pipeline.RunAsync(IdempotentPost(), Access.AdminOnly, handler, hostToken.Token);
        var retried = await Pipeline.RunAsync(IdempotentPost(), Access.AdminOnly, handler, CancellationToken.None);

        Assert.Equal(499, Assert.IsType<ApiResponse>(aborted).Status);
        Assert.Equal(StatusCodes.Status204NoContent, Assert.IsType<ApiResponse>(retried).Status);
        Assert.Equal(2, runs);
    }

    private DefaultHttpContext IdempotentPost()
    {
        var http = NewRequest("POST", CancellationToken.None);
        http.Request.Headers.Authorization = "Bearer " + ApiTestHost.AdminKey;
        http.Request.Headers["Idempotency-Key"] = "cancelled-then-retried";
        return http;
    }

    private DefaultHttpContext NewRequest(string method, CancellationToken requestAborted)
    {
        var http = new DefaultHttpContext { RequestServices = _host.Services, RequestAborted = requestAborted };
        http.Request.Method = method;
        http.Request.Path = "/api/pipeline-test";
        return http;
    }
}
