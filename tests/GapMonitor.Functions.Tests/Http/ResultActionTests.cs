using GapMonitor.Api.Http;
using GapMonitor.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace GapMonitor.Functions.Tests.Http;

public sealed class ResultActionTests
{
    [Fact]
    public async Task ExecuteResultAsync_WithResult_WritesTheResultToTheActionsHttpContext()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var action = await Task.FromResult<IResult>(ApiResponse.Raw(StatusCodes.Status418ImATeapot, "teapot", "text/plain")).AsActionAsync();

        await action.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(StatusCodes.Status418ImATeapot, http.Response.StatusCode);
        Assert.Equal("text/plain", http.Response.ContentType);
        Assert.Equal("teapot", System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }
}
