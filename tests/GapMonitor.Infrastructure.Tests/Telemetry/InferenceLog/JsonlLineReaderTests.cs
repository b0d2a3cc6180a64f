using System.Text;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public sealed class JsonlLineReaderTests
{
    [Fact]
    public async Task ReadLineAsync_WhenALineExceedsTheLimit_ReportsItTooLongWithItsByteCountAndTail()
    {
        var longLine = new string('x', 1000) + "END";
        using var reader = new JsonlLineReader(new MemoryStream(Encoding.UTF8.GetBytes("a\n" + longLine + "\nb\npartial")), maxLineBytes: 256);

        // Content is valid until the next read: take it at once.
        var lines = new List<(JsonlLineStatus Status, string Text, long ByteCount)>();
        for (var i = 0; i < 4; i++)
        {
            var line = await reader.ReadLineAsync(default);
            lines.Add((line.Status, Encoding.UTF8.GetString(line.Content.Span), line.ByteCount));
        }

        Assert.Equal((JsonlLineStatus.Complete, "a", 2L), lines[0]);
        Assert.Equal(JsonlLineStatus.TooLong, lines[1].Status);
        Assert.Equal(longLine.Length + 1, lines[1].ByteCount);
        Assert.EndsWith("xEND", lines[1].Text, StringComparison.Ordinal);
        Assert.Equal((JsonlLineStatus.Complete, "b", 2L), lines[2]);
        Assert.Equal(JsonlLineStatus.End, lines[3].Status);
    }
}
