using GapMonitor.Api.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace GapMonitor.Api.Hosting;

/// <summary>
/// The standalone host's answer when routing finds no endpoint. Routing also skips an endpoint whose declared request
/// content type does not match (e.g. a JSON route posted as a form), which is a 415, as the Functions host answers
/// from the handler, not a "no such route".
/// </summary>
public static class UnmatchedRequest
{
    public static IResult Answer(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path.Value ?? "/";
        var method = http.Request.Method;
        var sameRoute = endpoints.Endpoints.OfType<RouteEndpoint>().FirstOrDefault(e =>
            e.Metadata.GetMetadata<IAcceptsMetadata>() is not null
            && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) ?? false)
            && new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText ?? ""), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()));
        var problem = sameRoute?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            ? Problems.UnsupportedMediaType(string.Join(" or ", accepts.ContentTypes))
            : Problems.NotFound($"Route {method} {path}");
        return problem.WithTraceId(http.TraceIdentifier);
    }
}
