using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Tests.Telemetry.InferenceLog;

/// <summary>Writes Azure ML data-collector files (block or append blobs) into a test container.</summary>
internal sealed class DataCollectorLog(BlobContainerClient container, string prefix = "modelDataCollector/churn-endpoint/blue/model_inputs")
{
    private int _nextId;

    public BlobContainerClient Container => container;

    public string Prefix => prefix;

    public InferenceLogSource Source => new(container.Uri, prefix);

    public string PathOf(DateTimeOffset hour, string file) =>
        $"{prefix}/{hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)}/{file}";

    /// <summary>One record line (newline included) with <paramref name="rows"/> rows; each row has a unique "rid".</summary>
    public string Record(DateTimeOffset time, int rows = 1, string? modelVersion = "1")
    {
        var id = "rec-" + _nextId++.ToString(CultureInfo.InvariantCulture);
        var record = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = "/subscriptions/x/resourceGroups/y/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e",
            ["type"] = "azureml.inference.model_inputs",
            ["datacontenttype"] = "application/json",
            ["time"] = time.ToString("O", CultureInfo.InvariantCulture),
            ["data"] = Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?>
            {
                ["rid"] = $"{id}:{i}",
                ["mean_radius"] = 10.5 + i,
                ["plan"] = i % 2 == 0 ? "basic" : "pro",
                ["active"] = i % 3 == 0,
                ["note"] = null,
            }).ToList(),
        };
        if (modelVersion is not null)
        {
            record["modelversion"] = modelVersion;
        }

        return JsonSerializer.Serialize(record) + "\n";
    }

    public string Records(DateTimeOffset time, int count, int rowsEach = 1, string? modelVersion = "1") =>
        string.Concat(Enumerable.Range(0, count).Select(i => Record(time.AddSeconds(i), rowsEach, modelVersion)));

    /// <summary>Uploads (or re-uploads) a block blob with exactly <paramref name="content"/>.</summary>
    public async Task<string> UploadAsync(DateTimeOffset hour, string file, string content)
    {
        var path = PathOf(hour, file);
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromString(content), overwrite: true);
        return path;
    }

    public async Task<string> AppendAsync(DateTimeOffset hour, string file, string content)
    {
        var path = PathOf(hour, file);
        var blob = container.GetAppendBlobClient(path);
        await blob.CreateIfNotExistsAsync();
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)));
        return path;
    }
}
