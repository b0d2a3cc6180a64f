using System.Text.Json.Nodes;
using GapMonitor.Api.Requests;
using GapMonitor.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace GapMonitor.Api.Hosting;

/// <summary>OpenAPI description of the query parameters list routes read themselves (API.md v2, "Lists").</summary>
internal static class ListParameters
{
    /// <summary><c>limit</c> and <c>cursor</c>, and whatever filters the route adds.</summary>
    public static TBuilder Paged<TBuilder>(this TBuilder builder, params OpenApiParameter[] filters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var filter in filters)
            {
                operation.Parameters.Add(filter);
            }

            operation.Parameters.Add(Query(
                ListQuery.Limit,
                $"Items on this page, 1–{PageRequest.MaxLimit} (default {PageRequest.DefaultLimit}). A page may hold fewer and still have a `next`.",
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(PageRequest.DefaultLimit) }));
            operation.Parameters.Add(Query(
                ListQuery.Cursor,
                "The `next` of the previous page, unchanged (opaque). Absent: the first page. The list is over when `next` is null.",
                new OpenApiSchema { Type = JsonSchemaType.String }));
            return Task.CompletedTask;
        });

    /// <summary>An ISO 8601 UTC time in the query string.</summary>
    public static OpenApiParameter Time(string name, string description) =>
        Query(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });

    public static OpenApiParameter Text(string name, string description) =>
        Query(name, description, new OpenApiSchema { Type = JsonSchemaType.String });

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema };
}
