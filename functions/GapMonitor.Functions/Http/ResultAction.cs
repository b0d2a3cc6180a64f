using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GapMonitor.Functions.Http;

/// <summary>
/// The worker's ASP.NET Core integration writes <see cref="IActionResult"/> returns to the response but not
/// minimal-API <see cref="IResult"/>s, which the shared handlers return: this runs one against the same context.
/// </summary>
internal sealed class ResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}

internal static class ResultActionExtensions
{
    public static async Task<IActionResult> AsActionAsync(this Task<IResult> result) => new ResultAction(await result);
}
