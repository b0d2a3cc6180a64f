using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry.InferenceLog;

/// <summary>
/// Accumulates row objects into the columns of an <see cref="InferenceRowBatch"/>. Rows of one log name their columns
/// in the same order, so each property is first compared (as UTF-8, no string made) with the column the previous row
/// had at that position; and a column's recent short strings (categories) are reused instead of decoded again.
/// </summary>
internal sealed class InferenceRowBatchBuilder
{
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<string?> _correlationIds = [];
    private readonly List<string?> _modelVersions = [];
    private readonly Dictionary<string, Column> _columns = new(StringComparer.Ordinal);
    private readonly List<Column> _previousRowOrder = [];

    public int Count => _times.Count;

    public void Add(JsonElement row, DateTimeOffset time, string? correlationId, string? modelVersion = null)
    {
        var index = _times.Count;
        var position = 0;
        foreach (var property in row.EnumerateObject())
        {
            var column = ColumnAt(position++, property, index);
            var value = column.ValueOf(property.Value);
            if (column.Values.Count > index)
            {
                column.Values[index] = value; // a repeated key: the last one wins, as in JSON parsers generally
            }
            else
            {
                column.Values.Add(value);
            }
        }

        _times.Add(time);
        _correlationIds.Add(correlationId);
        _modelVersions.Add(modelVersion);
        foreach (var column in _columns.Values)
        {
            if (column.Values.Count == index)
            {
                column.Values.Add(InferenceValue.Missing);
            }
        }
    }

    public InferenceRowBatch Build() => _times.Count == 0
        ? InferenceRowBatch.Empty
        : new InferenceRowBatch(
            _times.Count,
            _times,
            _columns.ToDictionary(c => c.Key, c => (IReadOnlyList<InferenceValue>)c.Value.Values, StringComparer.Ordinal),
            _correlationIds)
        {
            ModelVersions = _modelVersions,
        };

    private Column ColumnAt(int position, JsonProperty property, int rowIndex)
    {
        if (position < _previousRowOrder.Count && property.NameEquals(_previousRowOrder[position].Utf8Name))
        {
            return _previousRowOrder[position];
        }

        var name = property.Name;
        if (!_columns.TryGetValue(name, out var column))
        {
            column = new Column(name, rowIndex);
            _columns.Add(name, column);
        }

        if (position < _previousRowOrder.Count)
        {
            _previousRowOrder[position] = column;
        }
        else
        {
            _previousRowOrder.Add(column);
        }

        return column;
    }

    private sealed class Column
    {
        /// <summary>Distinct strings a column keeps for reuse; a column with more (ids, free text) decodes each one.</summary>
        private const int MaxKeptTexts = 32;

        /// <summary>Room for this many rows from the start: a read takes thousands, and growing from a few copies each value several times.</summary>
        private const int InitialRows = 4096;

        /// <summary>Longer strings are decoded every time: comparing them costs about as much.</summary>
        private const int MaxKeptTextBytes = 64;

        private readonly List<(byte[] Raw, string Text)> _texts = [];
        private bool _textsOverflowed;

        public Column(string name, int rowsBefore)
        {
            Utf8Name = Encoding.UTF8.GetBytes(name);
            Values = new List<InferenceValue>(Math.Max(rowsBefore + 1, InitialRows));
            Values.AddRange(Enumerable.Repeat(InferenceValue.Missing, rowsBefore));
        }

        public byte[] Utf8Name { get; }

        public List<InferenceValue> Values { get; }

        public InferenceValue ValueOf(JsonElement element) =>
            element.ValueKind == JsonValueKind.String ? new InferenceValue(TelemetryValueKind.String, double.NaN, Text(element)) : InferenceValue.From(element);

        private string? Text(JsonElement element)
        {
            if (_textsOverflowed)
            {
                return element.GetString();
            }

            // The raw token, quotes included: equal raw bytes without escapes are equal strings.
            var raw = JsonMarshal.GetRawUtf8Value(element);
            if (raw.Length > MaxKeptTextBytes || raw.Contains((byte)'\\'))
            {
                return element.GetString();
            }

            foreach (var (kept, text) in _texts)
            {
                if (raw.SequenceEqual(kept))
                {
                    return text;
                }
            }

            var decoded = element.GetString();
            if (_texts.Count < MaxKeptTexts)
            {
                _texts.Add((raw.ToArray(), decoded!));
            }
            else
            {
                _textsOverflowed = true;
            }

            return decoded;
        }
    }
}
