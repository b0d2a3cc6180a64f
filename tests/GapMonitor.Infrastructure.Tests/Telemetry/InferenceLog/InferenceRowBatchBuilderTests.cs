using System.Text.Json;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

public class InferenceRowBatchBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rows_NamingColumnsInAnotherOrder_OrFewer_OrNew_FillEachColumnByName()
    {
        var batch = Build(
            """{"a": 1, "b": "x", "c": true}""",
            """{"b": "y", "a": 2}""",
            """{"c": false, "d": null, "a": 3}""",
            """{"a": 4, "b": "x", "c": true}""");

        Assert.Equal(4, batch.Count);
        Assert.Equal(["1", "2", "3", "4"], batch.Columns["a"].Select(v => v.ToString()));
        Assert.Equal(["x", "y", "", "x"], batch.Columns["b"].Select(v => v.ToString()));
        Assert.Equal([TelemetryValueKind.String, TelemetryValueKind.String, TelemetryValueKind.Missing, TelemetryValueKind.String], batch.Columns["b"].Select(v => v.Kind));
        Assert.Equal(["true", "", "false", "true"], batch.Columns["c"].Select(v => v.ToString()));
        Assert.Equal([TelemetryValueKind.Missing, TelemetryValueKind.Missing, TelemetryValueKind.Null, TelemetryValueKind.Missing], batch.Columns["d"].Select(v => v.Kind));
    }

    [Fact]
    public void EscapedNamesAndStrings_AreTheirDecodedText_WhetherSeenBeforeUnescapedOrNot()
    {
        var batch = Build(
            """{"ab": "plan", "n": "caf\u00e9"}""",
            """{"a\u0062": "pl\u0061n", "n": "café"}""",
            """{"ab": "plan", "n": "café"}""");

        Assert.Equal(["ab", "n"], batch.Columns.Keys.Order());
        Assert.Equal(["plan", "plan", "plan"], batch.Columns["ab"].Select(v => v.Text));
        Assert.Equal(["café", "café", "café"], batch.Columns["n"].Select(v => v.Text));
    }

    [Fact]
    public void ARepeatedKey_KeepsTheLastValue()
    {
        var batch = Build("""{"a": 1, "b": "x", "a": 2}""", """{"a": 3, "b": "x", "a": 4}""");

        Assert.Equal([2.0, 4.0], batch.Columns["a"].Select(v => v.Number));
        Assert.Equal(["x", "x"], batch.Columns["b"].Select(v => v.Text));
    }

    [Fact]
    public void ManyDistinctAndLongStrings_AreEachTheirOwnText()
    {
        var texts = Enumerable.Range(0, 100).Select(i => i % 7 == 0 ? new string('x', 80) + i : $"id-{i % 50}").ToArray();
        var batch = Build([.. texts.Select(t => JsonSerializer.Serialize(new { id = t }))]);

        Assert.Equal(texts, batch.Columns["id"].Select(v => v.Text));
    }

    private static InferenceRowBatch Build(params string[] rows)
    {
        var builder = new InferenceRowBatchBuilder();
        foreach (var row in rows)
        {
            using var document = JsonDocument.Parse(row);
            builder.Add(document.RootElement, At, null);
        }

        return builder.Build();
    }
}
