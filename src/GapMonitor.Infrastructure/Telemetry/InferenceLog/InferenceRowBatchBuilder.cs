using System.Text.Json;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>Accumulates row objects into the columns of an <see cref="InferenceRowBatch"/>.</summary>
internal sealed class InferenceRowBatchBuilder
{
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<string?> _correlationIds = [];
    private readonly List<string?> _modelVersions = [];
    private readonly Dictionary<string, List<InferenceValue>> _columns = new(StringComparer.Ordinal);

    public int Count => _times.Count;

    public void Add(JsonElement row, DateTimeOffset time, string? correlationId, string? modelVersion = null)
    {
        var index = _times.Count;
        foreach (var property in row.EnumerateObject())
        {
            if (!_columns.TryGetValue(property.Name, out var column))
            {
                column = new List<InferenceValue>(index + 1);
                column.AddRange(Enumerable.Repeat(InferenceValue.Missing, index));
                _columns.Add(property.Name, column);
            }

            var value = InferenceValue.From(property.Value);
            if (column.Count > index)
            {
                column[index] = value; // a repeated key: the last one wins, as in JSON parsers generally
            }
            else
            {
                column.Add(value);
            }
        }

        _times.Add(time);
        _correlationIds.Add(correlationId);
        _modelVersions.Add(modelVersion);
        foreach (var column in _columns.Values)
        {
            if (column.Count == index)
            {
                column.Add(InferenceValue.Missing);
            }
        }
    }

    public InferenceRowBatch Build() => _times.Count == 0
        ? InferenceRowBatch.Empty
        : new InferenceRowBatch(
            _times.Count,
            _times,
            _columns.ToDictionary(c => c.Key, c => (IReadOnlyList<InferenceValue>)c.Value, StringComparer.Ordinal),
            _correlationIds)
        {
            ModelVersions = _modelVersions,
        };
}
