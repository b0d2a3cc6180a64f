using GapMonitor.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace GapMonitor.Functions.Tests.Http;

public sealed class HttpTriggerTests
{
    [Fact]
    public void HttpTriggers_Always_ReturnTheHandlersResultAndTakeACancellationToken()
    {
        // The worker's ASP.NET Core integration writes an IResult (or IActionResult) return to the response; other returns send nothing.
        Assert.NotEmpty(FunctionTriggers.Http);
        Assert.All(FunctionTriggers.Http, f =>
        {
            Assert.True(f.Method.ReturnType == typeof(Task<IResult>), $"{f.Name} returns {f.Method.ReturnType}.");
            Assert.Contains(f.Method.GetParameters(), p => p.ParameterType == typeof(CancellationToken));
        });
    }

    [Fact]
    public void HttpTriggers_Always_AreAnonymousAndNamedAfterTheirClass()
    {
        Assert.All(FunctionTriggers.Http, f =>
        {
            Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, f.Trigger.AuthLevel);
            Assert.Equal(f.Method.DeclaringType!.Name, f.Name);
        });
    }
}
