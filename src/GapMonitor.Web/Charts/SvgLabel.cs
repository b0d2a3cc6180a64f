using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GapMonitor.Web.Charts;

/// <summary>An SVG <c>&lt;text&gt;</c> element (Razor reserves the tag inside code blocks, so charts write it with this).</summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter, EditorRequired] public double X { get; set; }

    [Parameter, EditorRequired] public double Y { get; set; }

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    /// <summary><c>start</c>, <c>middle</c> or <c>end</c>.</summary>
    [Parameter] public string Anchor { get; set; } = "start";

    /// <summary>Centred on <see cref="Y"/> instead of standing on it.</summary>
    [Parameter] public bool Middle { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", ChartNumbers.Coordinate(X));
        builder.AddAttribute(2, "y", ChartNumbers.Coordinate(Y));
        builder.AddAttribute(3, "text-anchor", Anchor);
        if (Middle)
        {
            builder.AddAttribute(4, "dominant-baseline", "middle");
        }

        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
