using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// Rows of ten features (eight numbers, two categories) like a tabular model's inputs, as Azure ML's data collector writes
/// them (one JSON record per line, <see cref="BenchSystem.RowsPerRecord"/> rows per record), and the reference CSV.
/// </summary>
public static class TelemetryData
{
    public const int NumericColumns = 8;
    private static readonly string[] Plans = ["basic", "pro", "enterprise"];
    private static readonly string[] Regions = ["eu-west", "eu-north", "us-east", "us-west", "asia-east", "asia-south", "sa-east", "au-east"];

    /// <summary>The data-collector files of one hour: blob name under the prefix → content.</summary>
    public static IEnumerable<(string Name, byte[] Content)> HourFiles(BenchSystem system, int hour)
    {
        var random = new Random((system.Index * 1000) + hour);
        var hourStart = Fleet.DataStart + TimeSpan.FromHours(hour);
        var rows = system.RowsInHour(hour);
        var records = (int)Math.Ceiling(rows / (double)BenchSystem.RowsPerRecord);
        var spacing = TimeSpan.FromHours(1) / Math.Max(records, 1);
        var buffer = new ArrayBufferWriter<byte>();
        var file = 0;
        for (var first = 0; first < records; first += BenchSystem.RecordsPerFile)
        {
            buffer.ResetWrittenCount();
            for (var record = first; record < Math.Min(records, first + BenchSystem.RecordsPerFile); record++)
            {
                var count = Math.Min(BenchSystem.RowsPerRecord, rows - (record * BenchSystem.RowsPerRecord));
                WriteRecord(buffer, system, hourStart + (spacing * record), count, random);
            }

            var folder = hourStart.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture);
            yield return ($"{system.Prefix}/{folder}/part-{file++:D4}.jsonl", buffer.WrittenSpan.ToArray());
        }
    }

    public static byte[] ReferenceCsv(BenchSystem system, int rows)
    {
        var random = new Random(-1 - system.Index);
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, NumericColumns).Select(c => $"num_{c}")).Append(",plan,region\n");
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < NumericColumns; c++)
            {
                text.Append(Number(random, c, drifts: false).ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(Plan(random, drifts: false)).Append(',').Append(Regions[random.Next(Regions.Length)]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void WriteRecord(IBufferWriter<byte> output, BenchSystem system, DateTimeOffset time, int rows, Random random)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("source", $"/subscriptions/bench/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/{system.Id}");
            json.WriteString("type", "azureml.inference.model_inputs");
            json.WriteString("datacontenttype", "application/json");
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("modelversion", "3");
            json.WriteStartArray("data");
            for (var i = 0; i < rows; i++)
            {
                json.WriteStartObject();
                for (var c = 0; c < NumericColumns; c++)
                {
                    json.WriteNumber($"num_{c}", Number(random, c, system.Drifts));
                }

                json.WriteString("plan", Plan(random, system.Drifts));
                json.WriteString("region", Regions[random.Next(Regions.Length)]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Column c is normal with mean 10·c and sd 1 + c; drifting systems shift the first half by one sd.</summary>
    private static double Number(Random random, int column, bool drifts)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var shift = drifts && column < NumericColumns / 2 ? 1.0 : 0.0;
        return Math.Round((10.0 * column) + ((1 + column) * (normal + shift)), 4);
    }

    private static string Plan(Random random, bool drifts) => drifts
        ? Plans[random.Next(10) < 6 ? 0 : 1]
        : Plans[random.Next(Plans.Length)];
}
