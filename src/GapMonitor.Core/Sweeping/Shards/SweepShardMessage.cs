using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Core.Sweeping.Shards;

/// <summary>A shard as the text of one queue message: <c>{"from":"…","to":"…"}</c> (null or absent: open end).</summary>
public static class SweepShardMessage
{
    public static string Write(SweepShard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return JsonSerializer.Serialize(new Body(shard.From, shard.To), Options);
    }

    /// <exception cref="FormatException">The text is not a shard.</exception>
    public static SweepShard Read(string text)
    {
        try
        {
            var body = JsonSerializer.Deserialize<Body>(text, Options) ?? throw new FormatException("The sweep shard message is empty.");
            return new SweepShard(body.From, body.To);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The sweep shard message is not a shard: {ex.Message}", ex);
        }
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Body(string? From, string? To);
}
