using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GapMonitor.Web.Rendering;

/// <summary>Renders a Razor component to a static HTML string (no circuit, no script): pages of both hosts and the CLI's report.</summary>
public sealed class ComponentHtml(IServiceProvider services, ILoggerFactory loggerFactory)
{
    /// <summary>For callers without a container (the CLI): components here take everything they show as parameters.</summary>
    public static ComponentHtml Standalone() => new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return "<!DOCTYPE html>\n" + output.ToHtmlString();
        });
    }
}
