using System.Text.Json;
using System.Text.Json.Nodes;

namespace GapMonitor.Api.Tests.Hosting;

/// <summary>Builds request bodies from a typed body plus raw JSON overrides.</summary>
internal static class JsonBodies
{
    public static string Merge(object body, string overridesJson)
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overridesJson)!.AsObject())
        {
            node[name] = value?.DeepClone();
        }

        return node.ToJsonString();
    }
}
