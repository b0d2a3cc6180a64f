using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace GapMonitor.Api.Hosting;

/// <summary>OpenAPI description of a query parameter a handler reads itself (outside the list routes' <see cref="ListParameters"/>).</summary>
internal static class QueryParameters
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, string name, string description, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
