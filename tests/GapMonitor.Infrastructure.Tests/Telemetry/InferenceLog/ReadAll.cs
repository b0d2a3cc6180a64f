using System.Text.Json;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>
/// Drives a reader like the puller does: calls until nothing more, storing the checkpoint as JSON between calls.
/// </summary>
internal sealed class ReadAll(DataCollectorLog log, IBlobContainerClientFactory? factory = null)
{
    private InferenceLogReader? _reader;

    public ListLogger<InferenceLogReader> Logger { get; } = new();

    public string? CheckpointJson { get; set; }

    public InferenceLogCheckpoint? Checkpoint => CheckpointJson is null ? null : JsonSerializer.Deserialize<InferenceLogCheckpoint>(CheckpointJson);

    /// <summary>One call.</summary>
    public async Task<InferenceLogReadResult> NextAsync(int maxRows = 10_000)
    {
        _reader ??= new InferenceLogReader(factory ?? new FixedContainerFactory(log.Container), Logger);
        var result = await _reader.ReadNewAsync(log.Source, Checkpoint, maxRows);
        CheckpointJson = JsonSerializer.Serialize(result.Checkpoint);
        return result;
    }

    /// <summary>Calls until a call has no more; returns every call's result.</summary>
    public async Task<IReadOnlyList<InferenceLogReadResult>> DrainAsync(int maxRows = 10_000)
    {
        var results = new List<InferenceLogReadResult>();
        for (var calls = 0; calls < 1000; calls++)
        {
            var result = await NextAsync(maxRows);
            results.Add(result);
            if (!result.HasMore)
            {
                return results;
            }
        }

        throw new InvalidOperationException("The reader never ran out of rows.");
    }

    public static IReadOnlyList<string> RowIds(IEnumerable<InferenceLogReadResult> results) =>
        [.. results.SelectMany(r => r.Rows.Count == 0 ? [] : r.Rows.Columns["rid"].Select(v => v.Text!))];
}
